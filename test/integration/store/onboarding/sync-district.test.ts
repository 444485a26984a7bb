import { GetCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { parseDistrictFile, type DistrictFile } from '../../../../functions/domain/district-file';
import type { Store } from '../../../../functions/store/client';
import { DistrictRepository } from '../../../../functions/store/districts';
import { GridRepository } from '../../../../functions/store/grids';
import { districtKey, uniqueClaimKey } from '../../../../functions/store/keys';
import { OfficerRepository } from '../../../../functions/store/officers';
import { syncDistrict } from '../../../../functions/store/onboarding/sync-district';
import { StationRepository } from '../../../../functions/store/stations';
import { districtFile } from '../../../support/seeded-district';
import { createTestStore, type TestStore } from '../../../support/test-store';

const T1 = '2026-03-02T08:00:00.000Z';
const T2 = '2026-03-03T08:00:00.000Z';
const T3 = '2026-03-04T08:00:00.000Z';
const square = (west: number) => ({
  type: 'Polygon',
  coordinates: [[[west, 24.0], [west + 0.001, 24.0], [west + 0.001, 24.001], [west, 24.001], [west, 24.0]]],
});

/** A small district; tests edit a copy of its JSON as an operator edits the file. */
function townJson() {
  return {
    id: 'town',
    name: '测试镇',
    timezone: 'Asia/Shanghai',
    policy: { minSessionsPerWeek: 2 },
    stations: [
      { id: 's1', name: '一号站', kind: 'COMMUNITY_WORKSTATION', address: '一号路', amenities: ['饮用水'], serviceCode: 'town-AAAA1' },
      { id: 's2', name: '二号站', kind: 'SERVICE_POST', serviceCode: 'town-BBBB2' },
    ],
    officers: [
      { id: 'o1', name: '张三', role: 'AREA_CHIEF', partyMember: true, phone: '17000000001', stationId: 's1' },
      { id: 'o2', name: '李四', role: 'ENFORCEMENT', stationId: 's1' },
      { id: 'o3', name: '王五', role: 'SANITATION', stationId: 's2' },
    ],
    grids: [
      { id: 'g1', code: 'T-1', name: '第一网格', stationId: 's1', leaderId: 'o1', officerIds: ['o1', 'o2'], boundary: square(115) },
      { id: 'g2', code: 'T-2', name: '第二网格', stationId: 's2', leaderId: 'o3', officerIds: ['o3'] },
    ],
  };
}

type TownJson = ReturnType<typeof townJson>;
const town = (edit: (json: TownJson) => void = () => undefined): DistrictFile => {
  const json = townJson();
  edit(json);
  return parseDistrictFile(json, 'town.json');
};

/** The same table, but the `failOn`-th TransactWriteCommand throws before reaching DynamoDB. */
function failingOnTransaction(store: Store, failOn: number): Store {
  return interceptingTransactions(store, (count) => {
    if (count === failOn) throw new Error('injected failure');
  });
}

/** The same table, calling `before(n)` ahead of the n-th TransactWriteCommand. */
function interceptingTransactions(store: Store, before: (count: number) => Promise<void> | void): Store {
  const send = store.doc.send.bind(store.doc) as (command: unknown) => Promise<unknown>;
  const doc = Object.create(store.doc) as DynamoDBDocumentClient;
  let transactions = 0;
  doc.send = (async (command: unknown) => {
    if (command instanceof TransactWriteCommand) await before(++transactions);
    return send(command);
  }) as DynamoDBDocumentClient['send'];
  return { doc, tableName: store.tableName, cursorKey: store.cursorKey };
}

let store: TestStore;
let stations: StationRepository;
let grids: GridRepository;
const officers = () => new OfficerRepository(store);

// A fresh table per test: every test starts from an empty district.
beforeEach(async () => {
  store = await createTestStore();
  stations = new StationRepository(store);
  grids = new GridRepository(store);
});
afterEach(() => store.drop());

/** Every stored station, officer and grid of the district: id → version. */
async function versions(districtId: string): Promise<Record<string, number>> {
  const all = [
    ...(await stations.all(districtId)),
    ...(await officers().all(districtId)),
    ...(await grids.all(districtId)),
  ];
  return Object.fromEntries(all.map((item) => [item.id, item.version]));
}

const claimOf = async (kind: 'SERVICE_CODE' | 'GRID_CODE', code: string) =>
  (await store.doc.send(new GetCommand({ TableName: store.tableName, Key: uniqueClaimKey('town', kind, code) }))).Item;

describe('first sync', () => {
  test('given an empty table, when Dingnan is synced, then every station, officer and grid of the file exists with the district', async () => {
    const dingnan = districtFile('dingnan');

    const result = await syncDistrict(store, dingnan, { now: T1 });

    expect(result).toEqual({
      district: 'created',
      stations: { created: 12, updated: 0, deactivated: 0, unchanged: 0 },
      officers: { created: 60, updated: 0, deactivated: 0, unchanged: 0 },
      grids: { created: dingnan.grids.length, updated: 0, deactivated: 0, unchanged: 0 },
    });
    expect(Object.keys(await versions('dingnan')).sort()).toEqual(
      [...dingnan.stations, ...dingnan.officers, ...dingnan.grids].map((entity) => entity.id).sort(),
    );
    expect(await new DistrictRepository(store).get('dingnan')).toMatchObject({ name: '定南县', timezone: 'Asia/Shanghai', policy: dingnan.policy, version: 1 });
    const first = dingnan.stations[0]!;
    expect(await stations.findByServiceCode('dingnan', first.serviceCode)).toMatchObject({ id: first.id, active: true, createdAt: T1 });
    expect(await grids.get('dingnan', dingnan.grids[0]!.id)).toMatchObject({
      code: dingnan.grids[0]!.code,
      leaderId: dingnan.grids[0]!.leaderId,
      boundary: dingnan.grids[0]!.boundary,
    });
  });

  test('given a synced district, when the same file is synced again, then nothing is written and no version moves', async () => {
    await syncDistrict(store, town(), { now: T1 });
    const before = await versions('town');

    const result = await syncDistrict(store, town(), { now: T2 });

    expect(result).toEqual({
      district: 'unchanged',
      stations: { created: 0, updated: 0, deactivated: 0, unchanged: 2 },
      officers: { created: 0, updated: 0, deactivated: 0, unchanged: 3 },
      grids: { created: 0, updated: 0, deactivated: 0, unchanged: 2 },
    });
    expect(await versions('town')).toEqual(before);
    expect(await stations.get('town', 's1')).toMatchObject({ version: 1, updatedAt: T1 });
    expect(await new DistrictRepository(store).get('town')).toMatchObject({ version: 1 });
  });
});

describe('edits through the API', () => {
  test('given a station renamed through the API, when the unchanged file is synced again, then the new name survives', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.update('town', 's1', 1, () => ({ name: '一号服务驿站' }), T2);

    await syncDistrict(store, town(), { now: T3 });

    expect(await stations.get('town', 's1')).toMatchObject({ name: '一号服务驿站', version: 2, updatedAt: T2 });
  });

  test('given an API edit of one field and a file edit of others, when synced, then both are kept and the version moves once', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.update('town', 's1', 1, () => ({ amenities: ['饮用水', '急救箱'] }), T2);

    const result = await syncDistrict(
      store,
      town((json) => {
        json.stations[0]!.name = '一号城管驿站';
        json.stations[0]!.address = '二号路';
        json.officers[1]!.phone = '17000000002';
        json.grids[0]!.officerIds = ['o1'];
      }),
      { now: T3 },
    );

    expect(result.stations).toEqual({ created: 0, updated: 1, deactivated: 0, unchanged: 1 });
    expect(result.officers.updated).toBe(1);
    expect(result.grids.updated).toBe(1);
    expect(await stations.get('town', 's1')).toMatchObject({
      name: '一号城管驿站',
      address: '二号路',
      amenities: ['饮用水', '急救箱'],
      version: 3,
      updatedAt: T3,
    });
    expect(await officers().get('town', 'o2')).toMatchObject({ phone: '17000000002', version: 2 });
    expect(await grids.get('town', 'g1')).toMatchObject({ officerIds: ['o1'], version: 2 });
  });

  test('given a field changed both through the API and in the file, when synced, then the file wins', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.update('town', 's1', 1, () => ({ name: 'API 名称' }), T2);

    await syncDistrict(store, town((json) => (json.stations[0]!.name = '文件名称')), { now: T3 });

    expect(await stations.get('town', 's1')).toMatchObject({ name: '文件名称', version: 3 });
  });

  test('given the file now says what an administrator already set, when synced, then nothing changes and the version stays', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.update('town', 's1', 1, () => ({ name: '新名称' }), T2);

    const result = await syncDistrict(store, town((json) => (json.stations[0]!.name = '新名称')), { now: T3 });

    expect(result.stations.updated).toBe(0);
    expect(await stations.get('town', 's1')).toMatchObject({ name: '新名称', version: 2, updatedAt: T2 });
  });

  test('given a field the file stops setting, when synced, then it is removed from the entity', async () => {
    await syncDistrict(store, town(), { now: T1 });

    await syncDistrict(store, town((json) => delete (json.stations[0] as { address?: string }).address), { now: T2 });

    expect((await stations.get('town', 's1'))!.address).toBeUndefined();
  });

  test('given a station an administrator deactivated, when the unchanged file is synced, then it stays inactive', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.update('town', 's2', 1, () => ({ active: false }), T2);

    await syncDistrict(store, town(), { now: T3 });

    expect(await stations.get('town', 's2')).toMatchObject({ active: false, version: 2 });
  });

  test('given a station created through the API, when the file is synced, then it is not the file\'s and stays as it is', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await stations.create('town', 'api-made', { name: '居民点', kind: 'SERVICE_POST', amenities: [], serviceCode: 'town-CCCC3', active: true }, T2);

    await syncDistrict(store, town(), { now: T3 });

    expect(await stations.get('town', 'api-made')).toMatchObject({ active: true, version: 1 });
  });

  test('given a policy rule changed through the API, when the file changes another rule, then both rules hold', async () => {
    await syncDistrict(store, town(), { now: T1 });
    const district = (await new DistrictRepository(store).get('town'))!;
    const windows = [{ name: 'DAY', start: '09:00', end: '17:00' }];
    await store.doc.send(
      new UpdateCommand({
        TableName: store.tableName,
        Key: districtKey('town'),
        UpdateExpression: 'SET policy.shiftWindows = :windows, version = :next',
        ExpressionAttributeValues: { ':windows': windows, ':next': district.version + 1 },
      }),
    );

    const result = await syncDistrict(store, town((json) => (json.policy.minSessionsPerWeek = 3)), { now: T2 });

    expect(result.district).toBe('updated');
    expect(await new DistrictRepository(store).get('town')).toMatchObject({
      version: 3,
      policy: { minSessionsPerWeek: 3, shiftWindows: windows, minSessionMinutes: 120 },
    });
  });
});

describe('removals', () => {
  /** The file without station s2, its officer o3 and its grid g2 (which refer to it). */
  const withoutSecondStation = () =>
    town((json) => {
      json.stations.splice(1, 1);
      json.officers.splice(2, 1);
      json.grids.splice(1, 1);
    });

  test('given a station and an officer removed from the file, when synced, then both are deactivated and still readable', async () => {
    await syncDistrict(store, town(), { now: T1 });

    const result = await syncDistrict(store, withoutSecondStation(), { now: T2 });

    expect(result.stations).toEqual({ created: 0, updated: 0, deactivated: 1, unchanged: 1 });
    expect(result.officers).toEqual({ created: 0, updated: 0, deactivated: 1, unchanged: 2 });
    expect(await stations.get('town', 's2')).toMatchObject({ active: false, name: '二号站', version: 2 });
    expect(await stations.findByServiceCode('town', 'town-BBBB2')).toMatchObject({ id: 's2', active: false });
    expect(await officers().get('town', 'o3')).toMatchObject({ active: false, version: 2 });
    expect(await grids.get('town', 'g2')).toMatchObject({ stationId: 's2', version: 1 });
  });

  test('given a removed station, when it is listed in the file again, then it is active again', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await syncDistrict(store, withoutSecondStation(), { now: T2 });

    const result = await syncDistrict(store, town(), { now: T3 });

    expect(result.stations.updated).toBe(1);
    expect(await stations.get('town', 's2')).toMatchObject({ active: true, version: 3 });
  });
});

describe('codes', () => {
  test('given a new service code and grid code in the file, when synced, then the new codes find the entities and the old ones are released', async () => {
    await syncDistrict(store, town(), { now: T1 });

    await syncDistrict(
      store,
      town((json) => {
        json.stations[0]!.serviceCode = 'town-NEW1';
        json.grids[0]!.code = 'T-9';
      }),
      { now: T2 },
    );

    expect(await stations.findByServiceCode('town', 'town-NEW1')).toMatchObject({ id: 's1', serviceCode: 'town-NEW1' });
    expect(await stations.findByServiceCode('town', 'town-AAAA1')).toBeUndefined();
    expect(await claimOf('GRID_CODE', 'T-9')).toMatchObject({ gridId: 'g1' });
    expect(await claimOf('GRID_CODE', 'T-1')).toBeUndefined();
  });

  test('given a service code the API gave another station, when the file is synced, then it fails naming the file entry and writes no district', async () => {
    await stations.create('town', 'squatter', { name: '占用', kind: 'SERVICE_POST', amenities: [], serviceCode: 'town-BBBB2', active: true }, T1);

    await expect(syncDistrict(store, town(), { now: T1 })).rejects.toThrow(
      'stations.1.serviceCode: town-BBBB2 is already used by another station of the district',
    );
    expect(await new DistrictRepository(store).get('town')).toBeUndefined();
  });
});

describe('interrupted and concurrent runs', () => {
  test('given a first sync that failed half-way, when it is run again, then every entity exists once and the district is created', async () => {
    const dingnan = districtFile('dingnan');
    // The 20th transaction is the 8th officer: 12 stations and 7 officers are written before it fails.
    await expect(syncDistrict(failingOnTransaction(store, 20), dingnan, { now: T1 })).rejects.toThrow('injected failure');
    expect(await new DistrictRepository(store).get('dingnan')).toBeUndefined();
    expect(Object.keys(await versions('dingnan'))).toHaveLength(12 + 7);

    const result = await syncDistrict(store, dingnan, { now: T2 });

    expect(result.district).toBe('created');
    expect(result.officers).toEqual({ created: 60 - 7, updated: 0, deactivated: 0, unchanged: 7 });
    const stored = await versions('dingnan');
    expect(Object.keys(stored)).toHaveLength(12 + 60 + dingnan.grids.length);
    expect(new Set(Object.values(stored))).toEqual(new Set([1]));
  });

  test('given an update that failed half-way, when it is run again, then each change is applied exactly once', async () => {
    await syncDistrict(store, town(), { now: T1 });
    const edited = town((json) => {
      json.stations[0]!.name = '一号驿站';
      json.stations[1]!.name = '二号驿站';
      json.officers[0]!.name = '张三丰';
    });
    // Transactions of this run: s1, s2 (fails), then o1.
    await expect(syncDistrict(failingOnTransaction(store, 2), edited, { now: T2 })).rejects.toThrow('injected failure');

    const result = await syncDistrict(store, edited, { now: T3 });

    expect(result.stations).toEqual({ created: 0, updated: 1, deactivated: 0, unchanged: 1 });
    expect(await versions('town')).toMatchObject({ s1: 2, s2: 2, o1: 2, o2: 1 });
    expect(await stations.get('town', 's2')).toMatchObject({ name: '二号驿站' });
  });

  test('given an API write racing the sync on the same station, when synced, then the sync reads again and both changes hold', async () => {
    await syncDistrict(store, town(), { now: T1 });
    const racing = interceptingTransactions(store, async (count) => {
      if (count === 1) await stations.update('town', 's1', null, () => ({ amenities: ['无线网络'] }), T2);
    });

    await syncDistrict(racing, town((json) => (json.stations[0]!.name = '一号驿站')), { now: T3 });

    expect(await stations.get('town', 's1')).toMatchObject({ name: '一号驿站', amenities: ['无线网络'], version: 3 });
  });

  test('given entities stored before the sync existed (no file state), when synced, then they are adopted unchanged and later file edits apply', async () => {
    await syncDistrict(store, town(), { now: T1 });
    await store.doc.send(new UpdateCommand({ TableName: store.tableName, Key: { PK: 'D#town', SK: 'STATION#s1' }, UpdateExpression: 'REMOVE fileState' }));
    await stations.update('town', 's1', 1, () => ({ name: '管理员改名' }), T2);

    const adopted = await syncDistrict(store, town(), { now: T3 });
    await syncDistrict(store, town((json) => (json.stations[0]!.address = '三号路')), { now: T3 });

    expect(adopted.stations.updated).toBe(0);
    expect(await stations.get('town', 's1')).toMatchObject({ name: '管理员改名', address: '三号路', version: 3 });
  });
});
