import { districtFile } from '../../support/seeded-district';
import { officersWithRole, overlappingGrids } from '../../support/district-geometry';

/** 企石镇 (seeds/dongguan-towns.txt): 17 village chiefs and 36 area inspectors over 20 villages; 2 城管驿站 and 3 社区服务站. */
const qishi = districtFile('qishi');

test('given the file, when read, then it is 企石镇 in Asia/Shanghai', () => {
  expect(qishi).toMatchObject({ id: 'qishi', name: '企石镇', timezone: 'Asia/Shanghai' });
});

test('given the article, when the team is counted, then there are 17 village chiefs and 36 inspectors', () => {
  expect(officersWithRole(qishi, 'AREA_CHIEF')).toHaveLength(17);
  expect(officersWithRole(qishi, 'INSPECTOR')).toHaveLength(36);
  expect(qishi.officers).toHaveLength(17 + 36);
});

test('given the article, when the villages are counted, then 20 village grids are led by the 17 chiefs, every chief leading at least one', () => {
  expect(qishi.grids).toHaveLength(20);
  expect(new Set(qishi.grids.map((grid) => grid.community)).size).toBe(20);
  expect(new Set(qishi.grids.map((grid) => grid.leaderId))).toEqual(new Set(officersWithRole(qishi, 'AREA_CHIEF').map((officer) => officer.id)));
  expect(overlappingGrids(qishi)).toEqual([]);
});

test('given the inspectors, when matched to villages, then each patrols exactly one village grid', () => {
  for (const inspector of officersWithRole(qishi, 'INSPECTOR')) {
    expect(qishi.grids.filter((grid) => grid.officerIds.includes(inspector.id))).toHaveLength(1);
  }
});

test('given the article, when the stations are counted, then there are 2 service posts with the post amenities and 3 community stations', () => {
  const posts = qishi.stations.filter((station) => station.kind === 'SERVICE_POST');
  expect(posts).toHaveLength(2);
  for (const post of posts) {
    expect(post.name.endsWith('城管驿站')).toBe(true);
    expect(post.amenities).toEqual(expect.arrayContaining(['休息区', '饮用水', '微波炉', '急救箱', '便民雨伞', '无线网络', '手机充电']));
  }
  expect(qishi.stations.filter((station) => station.kind === 'COMMUNITY_WORKSTATION')).toHaveLength(3);
  expect(qishi.stations).toHaveLength(5);
});
