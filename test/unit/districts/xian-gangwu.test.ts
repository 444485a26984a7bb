import { districtFile } from '../../support/seeded-district';
import { overlappingGrids } from '../../support/district-geometry';

/** 西安国际港务区 (seeds/xian.txt): 4 执法岗亭, and Xi'an's rule: an enforcement officer, two sessions a week, two hours each. */
const gangwu = districtFile('xian-gangwu');

test('given the file, when read, then it is 西安国际港务区 in Asia/Shanghai', () => {
  expect(gangwu).toMatchObject({ id: 'xian-gangwu', name: '西安国际港务区', timezone: 'Asia/Shanghai' });
});

test("given Xi'an's duty rule, when the policy is read, then it asks two sessions a week of at least 120 minutes with one enforcement officer", () => {
  expect(gangwu.policy).toMatchObject({ minSessionsPerWeek: 2, minSessionMinutes: 120, minEnforcementPerSession: 1, sessionsOnDistinctDays: true });
});

test('given the article, when the stations are counted, then there are 4 enforcement kiosks, at 港兴二路 and 奥体东广场 among them', () => {
  expect(gangwu.stations).toHaveLength(4);
  expect(gangwu.stations.every((station) => station.kind === 'ENFORCEMENT_KIOSK')).toBe(true);
  expect(gangwu.stations.map((station) => station.name)).toEqual(expect.arrayContaining(['港兴二路执法岗亭', '奥体东广场执法岗亭']));
  for (const kiosk of gangwu.stations) expect(kiosk.amenities).toEqual(expect.arrayContaining(['饮用水', '应急医疗箱', '手机充电器']));
});

test("given Xi'an's rule, when each kiosk's team is read, then it has at least the required enforcement officers", () => {
  for (const kiosk of gangwu.stations) {
    const enforcement = gangwu.officers.filter((officer) => officer.stationId === kiosk.id && ['ENFORCEMENT', 'AREA_CHIEF'].includes(officer.role));
    expect(enforcement.length).toBeGreaterThanOrEqual(gangwu.policy.minEnforcementPerSession);
  }
  expect(gangwu.grids).toHaveLength(4);
  expect(overlappingGrids(gangwu)).toEqual([]);
});
