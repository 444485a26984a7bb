import { loopbackOrigins, parseCorsOrigins } from '../../../functions/local/cors';

describe('CORS_ORIGINS', () => {
  test.each([undefined, '', ' , '])('given CORS_ORIGINS %p, when parsed, then any port of localhost and 127.0.0.1 is allowed', (value) => {
    const allowed = parseCorsOrigins(value);

    expect(allowed).toBe(loopbackOrigins);
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:3000', 'http://localhost']) expect(allowed.allows(origin)).toBe(true);
    for (const origin of ['https://localhost:5173', 'http://localhost.:5173', 'http://10.0.0.2:5173', 'http://localhost:5173/app', 'null']) {
      expect(allowed.allows(origin)).toBe(false);
    }
  });

  test('given two origins separated by a comma and spaces, when parsed, then exactly those two are allowed', () => {
    const allowed = parseCorsOrigins(' http://localhost:5173 ,http://127.0.0.1:8080');

    expect(allowed.allows('http://localhost:5173')).toBe(true);
    expect(allowed.allows('http://127.0.0.1:8080')).toBe(true);
    expect(allowed.allows('http://localhost:5174')).toBe(false);
    expect(allowed.allows('http://127.0.0.1:5173')).toBe(false);
    expect(allowed.description).toBe('http://localhost:5173, http://127.0.0.1:8080');
  });

  test('given "*" and an origin with a path, when parsed, then one error names both and what to write', () => {
    expect(() => parseCorsOrigins('*,http://localhost:5173/app')).toThrow(
      'CORS_ORIGINS: "*" must name each front end\'s origin, not "*" (wildcards are refused); "http://localhost:5173/app" must be an origin without a path, query or fragment: write http://localhost:5173',
    );
  });
});
