import { BadUserInputError } from '../../../functions/shared/errors';
import { cursorKey, decodeCursor, encodeCursor, randomCursorKey, type CursorContent } from '../../../functions/store/cursor';
import { TEST_CURSOR_KEY } from '../../support/cursor-key';

const content: CursorContent = { fingerprint: Buffer.alloc(16, 7), values: ['D#dingnan', 'STATION#dn-s-03'] };
let key: Buffer;

beforeAll(async () => {
  key = await cursorKey(TEST_CURSOR_KEY).aesKey();
});

/** The cursor's bytes with one of them changed. */
const flipped = (cursor: string, at: number): string => {
  const bytes = Buffer.from(cursor, 'base64url');
  bytes[at]! ^= 0x01;
  return bytes.toString('base64url');
};

function expectNotACursor(decode: () => unknown) {
  expect(decode).toThrow(BadUserInputError);
  try {
    decode();
  } catch (error) {
    expect((error as BadUserInputError).fields).toEqual([{ path: 'after', message: 'is not a cursor from this list' }]);
  }
}

describe('cursors', () => {
  test('given a cursor, when it is decoded with the key it was sealed with, then its fingerprint and key values come back', () => {
    expect(decodeCursor(key, encodeCursor(key, content))).toEqual(content);
  });

  test('given a cursor, when it is base64-decoded, then no table key, attribute name or district shows', () => {
    const cursor = encodeCursor(key, { fingerprint: content.fingerprint, values: ['D#dingnan#ISSUE#abc', 'ISSUE', 'D#dingnan#ISSUES', '2026-11-30T02:00:00.000Z#abc'] });
    const decoded = Buffer.from(cursor, 'base64url').toString('latin1');

    for (const readable of ['D#', 'PK', 'SK', 'ISSUE', 'dingnan', '2026']) expect(decoded).not.toContain(readable);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  test('given the same key twice, when cursors are sealed, then they differ (a fresh nonce each) and both open', () => {
    const [one, two] = [encodeCursor(key, content), encodeCursor(key, content)];

    expect(one).not.toEqual(two);
    expect(decodeCursor(key, two)).toEqual(decodeCursor(key, one));
  });

  test.each([
    ['a flipped version byte', (cursor: string) => flipped(cursor, 0)],
    ['a flipped nonce byte', (cursor: string) => flipped(cursor, 5)],
    ['a flipped ciphertext byte', (cursor: string) => flipped(cursor, 20)],
    ['a flipped tag byte', (cursor: string) => flipped(cursor, Buffer.from(cursor, 'base64url').length - 1)],
    ['the last characters cut off', (cursor: string) => cursor.slice(0, -4)],
    ['only its first half', (cursor: string) => cursor.slice(0, cursor.length / 2)],
    ['a character that is not base64url', (cursor: string) => `${cursor.slice(0, -1)}=`],
    ['an empty string', () => ''],
    ['garbage', () => '!!!not a cursor'],
    ['a very long string', (cursor: string) => cursor.repeat(30)],
    ['the readable format cursors had (base64 JSON)', () => Buffer.from(JSON.stringify({ d: 'dingnan', l: 'STATION', k: { PK: 'D#dingnan', SK: 'STATION#' } })).toString('base64url')],
  ])('given a cursor with %s, when it is decoded, then BAD_USER_INPUT names after', (_label, change) => {
    expectNotACursor(() => decodeCursor(key, change(encodeCursor(key, content))));
  });

  test('given a cursor sealed with another key (another deployment), when it is decoded, then BAD_USER_INPUT names after', async () => {
    const otherKey = await randomCursorKey().aesKey();

    expectNotACursor(() => decodeCursor(key, encodeCursor(otherKey, content)));
  });

  test('given a well-sealed cursor whose values are not strings, when it is decoded, then BAD_USER_INPUT names after', () => {
    const cursor = encodeCursor(key, { fingerprint: content.fingerprint, values: [1, { PK: 'x' }] as unknown as string[] });

    expectNotACursor(() => decodeCursor(key, cursor));
  });
});

describe('cursor keys', () => {
  test('given a source function, when the key is asked for twice, then the source is read once, and not before the first ask', async () => {
    const source = jest.fn(async () => TEST_CURSOR_KEY);
    const lazy = cursorKey(source);
    expect(source).not.toHaveBeenCalled();

    const [first, second] = [await lazy.aesKey(), await lazy.aesKey()];

    expect(source).toHaveBeenCalledTimes(1);
    expect(first.equals(second)).toBe(true);
    expect(first.equals(key)).toBe(true);
    expect(first).toHaveLength(32);
  });

  test('given a source that fails once (Secrets Manager unreachable), when the key is asked for again, then the source is read again', async () => {
    const source = jest.fn<Promise<string>, []>().mockRejectedValueOnce(new Error('unreachable')).mockResolvedValue(TEST_CURSOR_KEY);
    const lazy = cursorKey(source);

    await expect(lazy.aesKey()).rejects.toThrow('unreachable');
    expect((await lazy.aesKey()).equals(key)).toBe(true);
    expect(source).toHaveBeenCalledTimes(2);
  });

  test('given key material shorter than 32 characters, when the key is derived, then it is refused without echoing the material', async () => {
    await expect(cursorKey('short secret').aesKey()).rejects.toThrow(/^A cursor key needs at least 32 characters of key material$/);
  });

  test('given two different materials, when keys are derived, then they differ', async () => {
    expect((await cursorKey(`${TEST_CURSOR_KEY}!`).aesKey()).equals(key)).toBe(false);
  });
});
