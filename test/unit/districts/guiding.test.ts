import { districtFile } from '../../support/seeded-district';
import { gridsContaining, officersWithRole, overlappingGrids } from '../../support/district-geometry';

/** 贵定县 (贵州日报, 2024-10-15): 12 grids upgraded to 15 large grids, "1+2+2" teams, liaison stations in 15 communities of 金南 and 宝山. */
const guiding = districtFile('guiding');

test('given the file, when read, then it is 贵定县 in Asia/Shanghai with early, middle and late staggered shifts', () => {
  expect(guiding).toMatchObject({ id: 'guiding', name: '贵定县', timezone: 'Asia/Shanghai' });
  expect(guiding.policy.shiftWindows.map((window) => window.name)).toEqual(['EARLY', 'MIDDLE', 'LATE']);
});

test('given the article, when the stations are counted, then 15 communities each have one 城管工作联络站', () => {
  expect(guiding.stations).toHaveLength(15);
  expect(guiding.stations.every((station) => station.kind === 'LIAISON_STATION' && station.name.endsWith('城管工作联络站'))).toBe(true);
  expect(new Set(guiding.stations.map((station) => station.community)).size).toBe(15);
});

test('given the article, when the stations are placed, then all lie in the 金南 and 宝山 sub-districts, with the communities it names', () => {
  const subDistrict = (address: string | undefined) => /^贵定县(金南街道|宝山街道)/.exec(address ?? '')?.[1];
  expect(new Set(guiding.stations.map((station) => subDistrict(station.address)))).toEqual(new Set(['金南街道', '宝山街道']));
  const addressOf = (community: string) => guiding.stations.find((station) => station.community === community)?.address;
  expect(subDistrict(addressOf('福来社区'))).toBe('金南街道');
  expect(subDistrict(addressOf('麦溪社区'))).toBe('金南街道');
  expect(subDistrict(addressOf('新贵社区'))).toBe('宝山街道');
});

test('given the article, when the grids are counted, then there are 15 large grids, one per liaison station, none overlapping', () => {
  expect(guiding.grids).toHaveLength(15);
  expect(new Set(guiding.grids.map((grid) => grid.stationId))).toEqual(new Set(guiding.stations.map((station) => station.id)));
  expect(overlappingGrids(guiding)).toEqual([]);
  for (const station of guiding.stations) {
    expect(gridsContaining(guiding, station.location!)).toEqual([guiding.grids.find((grid) => grid.stationId === station.id)!.id]);
  }
});

test('given the "1+2+2" model, when each grid team is read, then a chief leads two enforcement officers and two community workers', () => {
  const roleOf = new Map(guiding.officers.map((officer) => [officer.id, officer.role]));
  for (const grid of guiding.grids) {
    expect(roleOf.get(grid.leaderId!)).toBe('AREA_CHIEF');
    expect(grid.officerIds.map((id) => roleOf.get(id)).sort()).toEqual(['AREA_CHIEF', 'COMMUNITY_STAFF', 'COMMUNITY_STAFF', 'ENFORCEMENT', 'ENFORCEMENT']);
  }
  expect(officersWithRole(guiding, 'AREA_CHIEF')).toHaveLength(15);
});
