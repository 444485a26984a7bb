import { decodeCursor, encodeCursor, hasExactly } from '../../../functions/store/cursor';
import { BadUserInputError } from '../../../functions/shared/errors';

const key = { PK: 'D#dingnan', SK: 'STATION#dn-s-03' };
const stationKey = (candidate: Record<string, string>) => hasExactly(candidate, ['PK', 'SK']) && candidate.PK === 'D#dingnan';

describe('cursors', () => {
  test('given a cursor of a list, when it is decoded for the same list and district, then the key comes back', () => {
    expect(decodeCursor(encodeCursor('dingnan', 'STATION', key), 'dingnan', 'STATION', stationKey)).toEqual(key);
  });

  test.each([
    ['another district', () => decodeCursor(encodeCursor('dingnan', 'STATION', key), 'guiding', 'STATION', stationKey)],
    ['another list', () => decodeCursor(encodeCursor('dingnan', 'STATION', key), 'dingnan', 'OFFICER', stationKey)],
    ['a key the list would not produce', () => decodeCursor(encodeCursor('dingnan', 'STATION', { PK: 'D#guiding', SK: 'x' }), 'dingnan', 'STATION', stationKey)],
    ['extra key attributes', () => decodeCursor(encodeCursor('dingnan', 'STATION', { ...key, GSI1PK: 'x' }), 'dingnan', 'STATION', stationKey)],
    ['garbage', () => decodeCursor('!!!not base64 json', 'dingnan', 'STATION', stationKey)],
    ['a non-string key value', () =>
      decodeCursor(Buffer.from(JSON.stringify({ d: 'dingnan', l: 'STATION', k: { PK: 1, SK: 'x' } })).toString('base64url'), 'dingnan', 'STATION', stationKey)],
  ])('given a cursor from %s, when it is decoded, then BAD_USER_INPUT names after', (_label, decode) => {
    expect(decode).toThrow(BadUserInputError);
    try {
      decode();
    } catch (error) {
      expect((error as BadUserInputError).fields).toEqual([{ path: 'after', message: 'is not a cursor from this list' }]);
    }
  });
});
