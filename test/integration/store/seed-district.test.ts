import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseDistrictFile, type DistrictFile } from '../../../functions/domain/district-file';
import type { Store } from '../../../functions/store/client';
import { DistrictRepository } from '../../../functions/store/districts';
import { GridRepository } from '../../../functions/store/grids';
import { createOfficerRepository } from '../../../functions/store/officers';
import { seedDistrict } from '../../../functions/store/seed-district';
import { StationRepository } from '../../../functions/store/stations';
import { createTestStore, type TestStore } from '../../support/test-store';

const dingnanPath = 'infra/districts/dingnan.json';
const dingnan: DistrictFile = parseDistrictFile(JSON.parse(readFileSync(join(__dirname, '../../..', dingnanPath), 'utf8')), dingnanPath);
const now = '2026-03-02T08:00:00.000Z';

/** The same table, but the `failOn`-th TransactWriteCommand throws before reaching DynamoDB. */
function failingOnTransaction(store: Store, failOn: number): Store {
  const send = store.doc.send.bind(store.doc) as (command: unknown) => Promise<unknown>;
  const doc = Object.create(store.doc) as DynamoDBDocumentClient;
  let transactions = 0;
  doc.send = ((command: unknown) => {
    if (command instanceof TransactWriteCommand && ++transactions === failOn) {
      return Promise.reject(new Error('injected failure'));
    }
    return send(command);
  }) as DynamoDBDocumentClient['send'];
  return { doc, tableName: store.tableName };
}

/** The ids in the table, per entity type, as the repositories list them. */
async function storedIds(store: Store, districtId: string) {
  const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
  return {
    stations: ids(await new StationRepository(store).entities.all(districtId)),
    officers: ids(await createOfficerRepository(store).all(districtId)),
    grids: ids(await new GridRepository(store).entities.all(districtId)),
  };
}

const fileIds = (file: DistrictFile) => ({
  stations: file.stations.map((station) => station.id).sort(),
  officers: file.officers.map((officer) => officer.id).sort(),
  grids: file.grids.map((grid) => grid.id).sort(),
});

describe('seedDistrict', () => {
  let store: TestStore;

  // A fresh table per test: every test seeds the same district.
  beforeEach(async () => {
    store = await createTestStore();
  });
  afterEach(async () => {
    await store.drop();
  });

  it('given an empty table, when Dingnan is seeded, then every station, officer and grid of the file exists and the district is created', async () => {
    const result = await seedDistrict(store, dingnan, { now });

    expect(result).toEqual({ district: 'created', created: { stations: 12, officers: 60, grids: dingnan.grids.length } });
    expect(await storedIds(store, 'dingnan')).toEqual(fileIds(dingnan));
    expect(await new DistrictRepository(store).get('dingnan')).toMatchObject({
      id: 'dingnan',
      name: '定南县',
      timezone: 'Asia/Shanghai',
      policy: dingnan.policy,
      version: 1,
    });
    const stations = new StationRepository(store);
    const first = dingnan.stations[0]!;
    expect(await stations.findByServiceCode('dingnan', first.serviceCode)).toMatchObject({ id: first.id, active: true, createdAt: now });
    expect(await new GridRepository(store).entities.get('dingnan', dingnan.grids[0]!.id)).toMatchObject({
      code: dingnan.grids[0]!.code,
      leaderId: dingnan.grids[0]!.leaderId,
      boundary: dingnan.grids[0]!.boundary,
    });
  });

  it('given a seeded district whose station was changed through the repository, when it is seeded again, then it answers existing and the change survives', async () => {
    await seedDistrict(store, dingnan, { now });
    const stations = new StationRepository(store);
    const stationId = dingnan.stations[0]!.id;
    await stations.entities.update('dingnan', stationId, 1, () => ({ name: '大世界社区服务驿站' }), '2026-03-03T08:00:00.000Z');

    const result = await seedDistrict(store, dingnan, { now: '2026-03-04T08:00:00.000Z' });

    expect(result).toEqual({ district: 'existing', created: { stations: 0, officers: 0, grids: 0 } });
    expect(await stations.entities.get('dingnan', stationId)).toMatchObject({ name: '大世界社区服务驿站', version: 2 });
    expect(await storedIds(store, 'dingnan')).toEqual(fileIds(dingnan));
  });

  it('given a seed that failed half-way, when it is run again, then every entity exists once and the district is created', async () => {
    // The 20th transaction is the 8th officer: 12 stations and 7 officers are written before it fails.
    await expect(seedDistrict(failingOnTransaction(store, 20), dingnan, { now })).rejects.toThrow('injected failure');
    expect(await new DistrictRepository(store).get('dingnan')).toBeUndefined();
    expect(await storedIds(store, 'dingnan')).toMatchObject({ stations: fileIds(dingnan).stations, grids: [] });

    const result = await seedDistrict(store, dingnan, { now });

    expect(result).toEqual({ district: 'created', created: { stations: 0, officers: 60 - 7, grids: dingnan.grids.length } });
    expect(await storedIds(store, 'dingnan')).toEqual(fileIds(dingnan));
    expect(await new DistrictRepository(store).get('dingnan')).toMatchObject({ id: 'dingnan' });
  });

  it('given a file whose service code is already claimed by another station, when it is seeded, then the seed fails and no district is written', async () => {
    const stations = new StationRepository(store);
    const taken = dingnan.stations[1]!.serviceCode;
    await stations.create('dingnan', 'squatter', { name: '占用', kind: 'SERVICE_POST', amenities: [], serviceCode: taken, active: true }, now);

    await expect(seedDistrict(store, dingnan, { now })).rejects.toThrow('input.serviceCode: is already used by another station');
    expect(await new DistrictRepository(store).get('dingnan')).toBeUndefined();
  });
});
