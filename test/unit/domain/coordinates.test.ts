import gcoord from 'gcoord';
import { toWgs84 } from '../../../functions/domain/coordinates';
import { parseDistrictFile } from '../../../functions/domain/district-file';
import { metresBetween } from '../../../functions/domain/issues/routing';
import { parseArguments } from '../../../functions/domain/validation/parse';
import { reportIssueArguments } from '../../../functions/domain/validation/issue-inputs';
import { createGridArguments, createStationArguments } from '../../../functions/domain/validation/reference-inputs';
import { BadUserInputError } from '../../../functions/shared/errors';

const metres = (a: readonly [number, number], b: readonly [number, number]) => metresBetween({ lng: a[0], lat: a[1] }, { lng: b[0], lat: b[1] });

/** Tian'anmen as AMap and WeChat give it (GCJ-02), and the WGS-84 point gcoord converts it to. */
const TIANANMEN_GCJ02: [number, number] = [116.397455, 39.909187];
const TIANANMEN_WGS84 = gcoord.transform([...TIANANMEN_GCJ02], gcoord.GCJ02, gcoord.WGS84) as [number, number];

/** A point of Dingnan (Jiangxi) in WGS-84, and what WeChat and Baidu would send for it. */
const DINGNAN_WGS84: [number, number] = [115.0227, 24.7755];
const DINGNAN_GCJ02 = gcoord.transform([...DINGNAN_WGS84], gcoord.WGS84, gcoord.GCJ02) as [number, number];
const DINGNAN_BD09 = gcoord.transform([...DINGNAN_WGS84], gcoord.WGS84, gcoord.BD09) as [number, number];

describe('coordinate conversion', () => {
  test('given a known GCJ-02 point, when converted, then it is within a metre of the WGS-84 point gcoord expects, and hundreds of metres from its raw numbers', () => {
    const converted = toWgs84(TIANANMEN_GCJ02, 'GCJ02');

    expect(metres(converted, TIANANMEN_WGS84)).toBeLessThan(1);
    expect(metres(converted, TIANANMEN_GCJ02)).toBeGreaterThan(300);
  });

  test('given a WGS-84 point as WeChat (GCJ-02) and Baidu (BD-09) send it, when converted back, then each is within a metre of the point', () => {
    expect(metres(toWgs84(DINGNAN_GCJ02, 'GCJ02'), DINGNAN_WGS84)).toBeLessThan(1);
    expect(metres(toWgs84(DINGNAN_BD09, 'BD09'), DINGNAN_WGS84)).toBeLessThan(1);
  });

  test('given a WGS-84 point, when converted to WGS-84, then its numbers are unchanged', () => {
    expect(toWgs84(DINGNAN_WGS84, 'WGS84')).toEqual(DINGNAN_WGS84);
  });

  test('given a GCJ-02 point outside China, when converted, then it is unchanged (GCJ-02 is WGS-84 there)', () => {
    expect(toWgs84([2.2945, 48.8584], 'GCJ02')).toEqual([2.2945, 48.8584]);
  });

  test('given a GCJ-02 point on the edge of gcoord\'s China box, where gcoord\'s own inverse never ends, when converted, then it answers', () => {
    const [lng, lat] = toWgs84([72.0045, 30], 'GCJ02');

    expect(Number.isFinite(lng) && Number.isFinite(lat)).toBe(true);
    expect(metres([lng, lat], [72.0045, 30])).toBeLessThan(1000);
  });
});

describe('location inputs', () => {
  const report = (location: unknown) =>
    parseArguments(reportIssueArguments, { input: { category: 'OTHER', description: '井盖缺失', source: 'PATROL', location } }).input.location!;

  test('given a report located in GCJ-02, when its input is parsed, then its location is the WGS-84 point, without the coordinate system', () => {
    const location = report({ lng: DINGNAN_GCJ02[0], lat: DINGNAN_GCJ02[1], coordinateSystem: 'GCJ02' });

    expect(metres([location.lng, location.lat], DINGNAN_WGS84)).toBeLessThan(1);
    expect(Object.keys(location).sort()).toEqual(['lat', 'lng']);
  });

  test.each([undefined, null, 'WGS84'])('given a report located with coordinate system %s, when its input is parsed, then the point is taken as WGS-84', (coordinateSystem) => {
    expect(report({ lng: DINGNAN_WGS84[0], lat: DINGNAN_WGS84[1], coordinateSystem })).toEqual({ lng: DINGNAN_WGS84[0], lat: DINGNAN_WGS84[1] });
  });

  test('given a station located in BD-09, when its input is parsed, then its location is WGS-84', () => {
    const { input } = parseArguments(createStationArguments, {
      input: { name: '驿站', kind: 'SERVICE_POST', location: { lng: DINGNAN_BD09[0], lat: DINGNAN_BD09[1], coordinateSystem: 'BD09' } },
    });

    expect(metres([input.location!.lng, input.location!.lat], DINGNAN_WGS84)).toBeLessThan(1);
  });

  test('given a grid boundary traced in GCJ-02, when its input is parsed, then every position is WGS-84 and the ring is still closed', () => {
    const wgs84Ring: [number, number][] = [[115.02, 24.77], [115.03, 24.77], [115.03, 24.78], [115.02, 24.78], [115.02, 24.77]];
    const gcj02Ring = wgs84Ring.map((at) => gcoord.transform([...at], gcoord.WGS84, gcoord.GCJ02));
    const { input } = parseArguments(createGridArguments, {
      input: { code: 'DN-9', name: '九网格', stationId: 'dn-s-01', boundary: { type: 'Polygon', coordinates: [gcj02Ring], coordinateSystem: 'GCJ02' } },
    });
    const ring = input.boundary!.coordinates[0]!;

    expect(input.boundary).not.toHaveProperty('coordinateSystem');
    ring.forEach((at, i) => expect(metres(at as [number, number], wgs84Ring[i]!)).toBeLessThan(1));
    expect(ring.at(-1)).toEqual(ring[0]);
  });

  test('given an unknown coordinate system, when a location is parsed, then BAD_USER_INPUT names its path', () => {
    expect(() => report({ lng: 115, lat: 24, coordinateSystem: 'CGCS2000' })).toThrow(BadUserInputError);
    try {
      report({ lng: 115, lat: 24, coordinateSystem: 'CGCS2000' });
    } catch (error) {
      expect((error as BadUserInputError).fields.map((field) => field.path)).toEqual(['input.location.coordinateSystem']);
    }
  });

  test('given a district file whose station location names a coordinate system, when parsed, then the file is refused: the file is WGS-84 only', () => {
    const file = {
      id: 'test-town',
      name: '测试镇',
      timezone: 'Asia/Shanghai',
      stations: [{ id: 's1', name: '一号站', kind: 'SERVICE_POST', serviceCode: 'test-town-AB12', location: { lat: 24.7, lng: 115, coordinateSystem: 'GCJ02' } }],
      officers: [],
      grids: [],
    };

    expect(() => parseDistrictFile(file, 'infra/districts/test-town.json')).toThrow(/stations\.0\.location/);
  });
});
