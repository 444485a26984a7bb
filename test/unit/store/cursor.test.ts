import { decodeCursor, encodeCursor } from '../../../functions/store/cursor';
import { BadUserInputError } from '../../../functions/shared/errors';

const key = { PK: 'D#dingnan', SK: 'STATION#dn-s-03' };

describe('cursors', () => {
  test('given a cursor of a list, when it is decoded for the same list and district, then the key comes back', () => {
    expect(decodeCursor(encodeCursor('dingnan', 'STATION', key), 'dingnan', 'STATION', 'STATION#')).toEqual(key);
  });

  test.each([
    ['another district', () => decodeCursor(encodeCursor('dingnan', 'STATION', key), 'guiding', 'STATION', 'STATION#')],
    ['another list', () => decodeCursor(encodeCursor('dingnan', 'STATION', key), 'dingnan', 'OFFICER', 'OFFICER#')],
    ['a key outside the district', () =>
      decodeCursor(encodeCursor('dingnan', 'STATION', { PK: 'D#guiding', SK: 'STATION#x' }), 'dingnan', 'STATION', 'STATION#')],
    ['a key of another entity type', () =>
      decodeCursor(encodeCursor('dingnan', 'STATION', { PK: 'D#dingnan', SK: 'UNIQUE#SERVICE_CODE#x' }), 'dingnan', 'STATION', 'STATION#')],
    ['garbage', () => decodeCursor('!!!not base64 json', 'dingnan', 'STATION', 'STATION#')],
    ['extra key attributes', () =>
      decodeCursor(Buffer.from(JSON.stringify({ d: 'dingnan', l: 'STATION', k: { ...key, GSI1PK: 'x' } })).toString('base64url'), 'dingnan', 'STATION', 'STATION#')],
  ])('given a cursor from %s, when it is decoded, then BAD_USER_INPUT names after', (_label, decode) => {
    expect(decode).toThrow(BadUserInputError);
    try {
      decode();
    } catch (error) {
      expect((error as BadUserInputError).fields).toEqual([{ path: 'after', message: 'is not a cursor from this list' }]);
    }
  });
});
