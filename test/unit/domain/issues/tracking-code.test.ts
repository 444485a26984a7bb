import { formatTrackingCode, generateTrackingCode, parseTrackingCode, TRACKING_CODE_BITS, trackingCodeHash } from '../../../../functions/domain/issues/tracking-code';

describe('tracking codes', () => {
  test('given the alphabet and length, when counted, then a code carries at least 60 random bits', () => {
    expect(TRACKING_CODE_BITS).toBeGreaterThanOrEqual(60);
  });

  test('given a new code, when formatted and read back as typed, then it is the same code whatever the case, spaces and dashes', () => {
    const code = generateTrackingCode('xian-gangwu');
    const printed = formatTrackingCode(code);

    expect(printed).toMatch(/^xian-gangwu-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}$/);
    expect(parseTrackingCode(printed)).toEqual(code);
    const spoken = `${code.secret.slice(0, 4)} ${code.secret.slice(4, 8)} ${code.secret.slice(8)}`.toLowerCase();
    expect(parseTrackingCode(` XIAN-GANGWU-${spoken} `)).toEqual(code);
    expect(parseTrackingCode(`xian-gangwu-${code.secret}`)).toEqual(code);
  });

  test('given 2 000 new codes, when compared, then none repeats and every symbol of the alphabet appears', () => {
    const secrets = Array.from({ length: 2000 }, () => generateTrackingCode('dingnan').secret);

    expect(new Set(secrets).size).toBe(2000);
    expect(new Set(secrets.join('')).size).toBe(32);
  });

  test.each(['', 'dingnan', 'dingnan-ABCD-EFGH-JKLM', 'dingnan-ABCD-EFGH-JKLMNP', 'dingnan-ABCD-EFGH-JKLM0', 'dingnan-ABCD-EFGH-JKLMI', '-ABCD-EFGH-JKLMN', '9x-ABCD-EFGH-JKLMN'])(
    'given "%s", when parsed, then it is no code',
    (typed) => {
      expect(parseTrackingCode(typed)).toBeUndefined();
    },
  );

  test('given the same code typed two ways, when hashed, then the hashes are equal, and differ from any other code', () => {
    const code = parseTrackingCode('dingnan-ABCD-EFGH-JKLMN')!;

    expect(trackingCodeHash(parseTrackingCode('DINGNAN-abcd efgh jklmn')!)).toBe(trackingCodeHash(code));
    expect(trackingCodeHash(parseTrackingCode('dingnan-ABCD-EFGH-JKLMP')!)).not.toBe(trackingCodeHash(code));
    expect(trackingCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
  });
});
