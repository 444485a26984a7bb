import { districtFile } from '../../support/seeded-district';
import { gridsContaining, officersWithRole, overlappingGrids } from '../../support/district-geometry';

/** 樟木头镇 (seeds/dongguan-towns.txt): 9 areas with one 片长 each, service codes on 15 public toilets. */
const zhangmutou = districtFile('zhangmutou');
const toilets = zhangmutou.stations.filter((station) => station.amenities.includes('公厕'));

test('given the file, when read, then it is 樟木头镇 in Asia/Shanghai', () => {
  expect(zhangmutou).toMatchObject({ id: 'zhangmutou', name: '樟木头镇', timezone: 'Asia/Shanghai' });
});

test('given the article, when the areas are counted, then there are 9, each led by its own one chief', () => {
  expect(zhangmutou.grids).toHaveLength(9);
  const chiefs = officersWithRole(zhangmutou, 'AREA_CHIEF').map((officer) => officer.id);
  expect(chiefs).toHaveLength(9);
  expect(zhangmutou.grids.map((grid) => grid.leaderId).sort()).toEqual([...chiefs].sort());
  expect(overlappingGrids(zhangmutou)).toEqual([]);
});

test('given the article, when the public toilets are counted, then 15 carry a service code, as service posts with the amenity 公厕', () => {
  expect(toilets).toHaveLength(15);
  for (const toilet of toilets) {
    expect(toilet).toMatchObject({ kind: 'SERVICE_POST', amenities: ['公厕'] });
    expect(toilet.name.endsWith('公厕')).toBe(true);
    expect(toilet.serviceCode).toMatch(/^zhangmutou-WC\d{2}$/);
  }
});

test('given the chiefs\' workstations, when matched to areas, then each area has one, and every toilet lies in an area', () => {
  const workstations = zhangmutou.stations.filter((station) => station.kind === 'COMMUNITY_WORKSTATION');
  expect(workstations).toHaveLength(9);
  expect(new Set(zhangmutou.grids.map((grid) => grid.stationId))).toEqual(new Set(workstations.map((station) => station.id)));
  for (const toilet of toilets) expect(gridsContaining(zhangmutou, toilet.location!)).toHaveLength(1);
});
