import { districtIds } from '../../../../infra/district-files';
import { DistrictRepository } from '../../../../functions/store/districts';
import { GridRepository } from '../../../../functions/store/grids';
import { OfficerRepository } from '../../../../functions/store/officers';
import { syncDistrict } from '../../../../functions/store/onboarding/sync-district';
import { StationRepository } from '../../../../functions/store/stations';
import { districtFile } from '../../../support/seeded-district';
import { createTestStore, type TestStore } from '../../../support/test-store';

/** Every district file shipped in infra/districts seeds locally, side by side in one table as `npm start` keeps them. */
let store: TestStore;

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.drop());

test('given the shipped district files, when they are listed, then the five seed districts are there', () => {
  expect(districtIds()).toEqual(expect.arrayContaining(['dingnan', 'guiding', 'qishi', 'xian-gangwu', 'zhangmutou']));
});

describe.each(districtIds())('the district file %s', (id) => {
  test('given an empty district, when its file is synced, then the district and all its stations, officers and grids are stored', async () => {
    const file = districtFile(id);

    const result = await syncDistrict(store, file);

    expect(result.district).toBe('created');
    expect(await new DistrictRepository(store).get(id)).toMatchObject({ name: file.name, timezone: file.timezone, policy: file.policy });
    expect((await new StationRepository(store).all(id)).map((station) => station.id).sort()).toEqual(file.stations.map((s) => s.id).sort());
    expect((await new OfficerRepository(store).all(id)).map((officer) => officer.id).sort()).toEqual(file.officers.map((o) => o.id).sort());
    expect((await new GridRepository(store).all(id)).map((grid) => grid.id).sort()).toEqual(file.grids.map((g) => g.id).sort());
  });

  test('given the synced district, when the same file is synced again, then nothing changes', async () => {
    const result = await syncDistrict(store, districtFile(id));

    expect(result.district).toBe('unchanged');
    for (const counts of [result.stations, result.officers, result.grids]) {
      expect(counts.created + counts.updated + counts.deactivated).toBe(0);
    }
  });
});
