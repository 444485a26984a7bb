import { buildHttpApiEvent, flattenClaims, type IncomingRequestData } from '../../../functions/local/api-gateway-event';

const request = (overrides: Partial<IncomingRequestData> = {}): IncomingRequestData => ({
  method: 'POST',
  url: '/graphql',
  httpVersion: '1.1',
  rawHeaders: ['Host', 'localhost:4000', 'Content-Type', 'application/json', 'User-Agent', 'curl/8.0'],
  remoteAddress: '::ffff:127.0.0.1',
  body: '{"query":"{ district { id } }"}',
  ...overrides,
});
const options = { routeKey: 'POST /graphql', requestId: 'req-1', now: new Date('2026-11-20T08:05:09.123Z') };

describe('buildHttpApiEvent', () => {
  test('given a POST with a JSON body, when the event is built, then it is a payload 2.0 event with the request context API Gateway sends', () => {
    const event = buildHttpApiEvent(request(), options);

    expect(event).toEqual({
      version: '2.0',
      routeKey: 'POST /graphql',
      rawPath: '/graphql',
      rawQueryString: '',
      headers: { host: 'localhost:4000', 'content-type': 'application/json', 'user-agent': 'curl/8.0' },
      requestContext: {
        accountId: 'local',
        apiId: 'local',
        domainName: 'localhost',
        domainPrefix: 'localhost',
        http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'curl/8.0' },
        requestId: 'req-1',
        routeKey: 'POST /graphql',
        stage: '$default',
        time: '20/Nov/2026:08:05:09 +0000',
        timeEpoch: Date.parse('2026-11-20T08:05:09.123Z'),
      },
      body: '{"query":"{ district { id } }"}',
      isBase64Encoded: false,
    });
  });

  test('given repeated headers in mixed case, when the event is built, then names are lower-cased and values joined by commas', () => {
    const event = buildHttpApiEvent(request({ rawHeaders: ['X-Trace', 'a', 'x-trace', 'b', 'Accept', 'application/json'] }), options);

    expect(event.headers).toEqual({ 'x-trace': 'a,b', accept: 'application/json' });
  });

  test('given cookies, when the event is built, then they move from the headers to `cookies`', () => {
    const event = buildHttpApiEvent(request({ rawHeaders: ['Cookie', 'a=1; b=2', 'Cookie', 'c=3'] }), options);

    expect(event.cookies).toEqual(['a=1', 'b=2', 'c=3']);
    expect(event.headers).not.toHaveProperty('cookie');
  });

  test('given a GET with a query string, when the event is built, then the raw string is kept and parameters are decoded, repeated ones joined', () => {
    const event = buildHttpApiEvent(request({ method: 'GET', url: '/graphql?query=%7B%20district%20%7B%20id%20%7D%20%7D&x=1&x=2', body: '' }), {
      ...options,
      routeKey: 'GET /graphql',
    });

    expect(event.rawPath).toBe('/graphql');
    expect(event.rawQueryString).toBe('query=%7B%20district%20%7B%20id%20%7D%20%7D&x=1&x=2');
    expect(event.queryStringParameters).toEqual({ query: '{ district { id } }', x: '1,2' });
    expect(event).not.toHaveProperty('body');
  });

  test('given verified claims, when the event is built, then they sit under the JWT authorizer, flattened as API Gateway does', () => {
    const claims = { sub: 'u1', 'cognito:groups': ['ADMIN'], 'custom:district': 'dingnan', exp: 1795306363 };

    const event = buildHttpApiEvent(request(), { ...options, claims });

    expect(event.requestContext.authorizer).toEqual({
      principalId: '',
      integrationLatency: 0,
      jwt: { claims: { sub: 'u1', 'cognito:groups': '[ADMIN]', 'custom:district': 'dingnan', exp: '1795306363' }, scopes: null },
    });
  });

  test('given no claims, when the event is built, then there is no authorizer at all', () => {
    expect(buildHttpApiEvent(request(), options).requestContext).not.toHaveProperty('authorizer');
  });
});

describe('flattenClaims', () => {
  test('given arrays, numbers, booleans and objects, when flattened, then every value is a string', () => {
    expect(flattenClaims({ groups: ['ADMIN', 'SUPERVISOR'], n: 3, ok: true, o: { a: 1 }, gone: undefined })).toEqual({
      groups: '[ADMIN SUPERVISOR]',
      n: '3',
      ok: 'true',
      o: '{"a":1}',
    });
  });
});
