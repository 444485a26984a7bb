import gcoord from 'gcoord';
import { metresBetween } from '../../../functions/domain/issues/routing';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
// This table is not seeded: an officer token without an officer id (one naming an officer not in the table is anonymous).
const officer = claimsFor('dingnan', 'OFFICER');

const CREATE = `mutation Create($input: CreateStationInput!) {
  createStation(input: $input) { id name kind community location { lat lng } amenities serviceCode active version }
}`;
const UPDATE = `mutation Update($input: UpdateStationInput!) { updateStation(input: $input) { id name address version } }`;
const STATION = `query One($id: ID!) { station(id: $id) { id name address version active } }`;
const LIST = `query List($first: Int, $after: String, $filter: StationFilter) {
  stations(first: $first, after: $after, filter: $filter) { edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
}`;

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

async function createStation(input: Record<string, unknown>, claims = admin) {
  const response = await callGraphql(handler, CREATE, { variables: { input }, claims });
  expect(response.errors).toBeUndefined();
  return response.data!.createStation;
}

describe('stations', () => {
  test('given an admin token, when it creates a station, then the station is stored with version 1 and a service code of its district', async () => {
    const created = await createStation({ name: '凤凰国际工作站', kind: 'COMMUNITY_WORKSTATION', community: '凤凰国际', location: { lat: 24.78, lng: 115.03 } });

    expect(created).toMatchObject({ name: '凤凰国际工作站', kind: 'COMMUNITY_WORKSTATION', active: true, version: 1, amenities: [] });
    expect(created.serviceCode).toMatch(/^dingnan-[A-Z0-9]{8}$/);
    const read = await callGraphql(handler, STATION, { variables: { id: created.id }, claims: officer });
    expect(read.data!.station).toMatchObject({ id: created.id, name: '凤凰国际工作站', version: 1 });
  });

  test('given a station located on Baidu Maps (BD-09), when it is created, then its location is stored and answered in WGS-84', async () => {
    const wgs84 = { lat: 24.7801, lng: 115.0312 };
    const [lng, lat] = gcoord.transform([wgs84.lng, wgs84.lat], gcoord.WGS84, gcoord.BD09) as [number, number];

    const created = await createStation({ name: '百度选点驿站', kind: 'SERVICE_POST', location: { lat, lng, coordinateSystem: 'BD09' } });

    expect(metresBetween(created.location, wgs84)).toBeLessThan(1);
    expect(metresBetween(created.location, { lat, lng })).toBeGreaterThan(300);
  });

  test('given bad input in several fields, when a station is created, then BAD_USER_INPUT names each field and nothing is written', async () => {
    const before = await callGraphql(handler, LIST, { variables: { first: 100 }, claims: admin });

    const response = await callGraphql(handler, CREATE, {
      variables: { input: { name: '   ', kind: 'SERVICE_POST', location: { lat: 200, lng: 0 }, serviceCode: 'guiding-ABCD' } },
      claims: admin,
    });

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    const fields = response.errors![0]!.extensions.fields!.map((field) => field.path);
    expect(fields).toEqual(expect.arrayContaining(['input.name', 'input.location.lat']));
    const after = await callGraphql(handler, LIST, { variables: { first: 100 }, claims: admin });
    expect(after.data!.stations.edges).toHaveLength(before.data!.stations.edges.length);
  });

  test.each([
    ['a NUL and a BEL inside the name', { name: 'ab\u0000c\u0007d', kind: 'SERVICE_POST' }, 'input.name'],
    ['an ANSI escape in the address', { name: '驿站', kind: 'SERVICE_POST', address: '\u001b[31m红色\u001b[0m' }, 'input.address'],
    ['a name of NUL characters only', { name: '\u0000\u0000', kind: 'SERVICE_POST' }, 'input.name'],
  ])('given %s, when a station is created, then BAD_USER_INPUT names the field and nothing is written', async (_what, input, path) => {
    const before = await callGraphql(handler, LIST, { variables: { first: 100 }, claims: admin });

    const response = await callGraphql(handler, CREATE, { variables: { input }, claims: admin });

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions.fields!.map((field) => field.path)).toEqual([path]);
    const after = await callGraphql(handler, LIST, { variables: { first: 100 }, claims: admin });
    expect(after.data!.stations.edges).toHaveLength(before.data!.stations.edges.length);
  });

  test('given a service code of another district, when a station is created with it, then BAD_USER_INPUT names input.serviceCode', async () => {
    const response = await callGraphql(handler, CREATE, {
      variables: { input: { name: 'x', kind: 'SERVICE_POST', serviceCode: 'guiding-ABCD' } },
      claims: admin,
    });

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions.fields).toEqual([{ path: 'input.serviceCode', message: 'must start with "dingnan-"' }]);
  });

  test('given a service code already in use, when another station claims it, then BAD_USER_INPUT and the second station does not exist', async () => {
    await createStation({ name: '万和一品', kind: 'SERVICE_POST', serviceCode: 'dingnan-DUP1' });

    const response = await callGraphql(handler, CREATE, {
      variables: { input: { name: '万和一品 copy', kind: 'SERVICE_POST', serviceCode: 'dingnan-DUP1' } },
      claims: admin,
    });

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions.fields![0]!.path).toBe('input.serviceCode');
    const names = await callGraphql(handler, LIST, { variables: { first: 100 }, claims: admin });
    expect(names.data!.stations.edges.map((edge: any) => edge.node.name)).not.toContain('万和一品 copy');
  });

  test('given the current version, when an admin updates a station, then the change is stored and the version bumps', async () => {
    const created = await createStation({ name: '弘润国际', kind: 'COMMUNITY_WORKSTATION' });

    const response = await callGraphql(handler, UPDATE, {
      variables: { input: { id: created.id, expectedVersion: 1, address: '定南县历市镇弘润国际小区' } },
      claims: admin,
    });

    expect(response.data!.updateStation).toMatchObject({ name: '弘润国际', address: '定南县历市镇弘润国际小区', version: 2 });
  });

  test('given a stale expectedVersion, when a station is updated, then CONFLICT and the stored station is unchanged', async () => {
    const created = await createStation({ name: '群贤花园', kind: 'COMMUNITY_WORKSTATION' });
    await callGraphql(handler, UPDATE, { variables: { input: { id: created.id, name: '群贤花园站' } }, claims: admin });

    const response = await callGraphql(handler, UPDATE, {
      variables: { input: { id: created.id, expectedVersion: 1, name: 'stale write' } },
      claims: admin,
    });

    expect(codesOf(response)).toEqual(['CONFLICT']);
    const read = await callGraphql(handler, STATION, { variables: { id: created.id }, claims: admin });
    expect(read.data!.station).toMatchObject({ name: '群贤花园站', version: 2 });
  });

  test('given two concurrent updates from the same version, when both are sent, then exactly one wins and the other is CONFLICT', async () => {
    const created = await createStation({ name: '蓝湾里', kind: 'COMMUNITY_WORKSTATION' });

    const responses = await Promise.all(
      ['A', 'B', 'C', 'D'].map((name) =>
        callGraphql(handler, UPDATE, { variables: { input: { id: created.id, expectedVersion: 1, name } }, claims: admin }),
      ),
    );

    const winners = responses.filter((response) => !response.errors);
    expect(winners).toHaveLength(1);
    expect(responses.flatMap(codesOf)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    const read = await callGraphql(handler, STATION, { variables: { id: created.id }, claims: admin });
    expect(read.data!.station).toMatchObject({ name: winners[0]!.data!.updateStation.name, version: 2 });
  });

  test('given an unknown id, when it is read, updated or deactivated, then NOT_FOUND', async () => {
    const read = await callGraphql(handler, STATION, { variables: { id: 'no-such-station' }, claims: admin });
    const update = await callGraphql(handler, UPDATE, { variables: { input: { id: 'no-such-station', name: 'x' } }, claims: admin });
    const deactivate = await callGraphql(handler, `mutation { deactivateStation(id: "no-such-station") { id } }`, { claims: admin });

    expect([codesOf(read), codesOf(update), codesOf(deactivate)]).toEqual([['NOT_FOUND'], ['NOT_FOUND'], ['NOT_FOUND']]);
  });

  test('given an officer token, when it updates a station, then FORBIDDEN and nothing changes', async () => {
    const created = await createStation({ name: '大世界社区', kind: 'COMMUNITY_WORKSTATION' });

    const response = await callGraphql(handler, UPDATE, { variables: { input: { id: created.id, name: 'hijacked' } }, claims: officer });

    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    const read = await callGraphql(handler, STATION, { variables: { id: created.id }, claims: admin });
    expect(read.data!.station).toMatchObject({ name: '大世界社区', version: 1 });
  });

  test('given no token, when stations are listed, then UNAUTHENTICATED', async () => {
    const response = await callGraphql(handler, LIST, { variables: {} });

    expect(codesOf(response)).toEqual(['UNAUTHENTICATED']);
  });

  test('given a station, when it is deactivated, then it is kept, inactive, and filtered out of active lists', async () => {
    const created = await createStation({ name: '京九大道社区', kind: 'COMMUNITY_WORKSTATION' });

    const response = await callGraphql(handler, `mutation D($id: ID!) { deactivateStation(id: $id, expectedVersion: 1) { active version } }`, {
      variables: { id: created.id },
      claims: admin,
    });

    expect(response.data!.deactivateStation).toEqual({ active: false, version: 2 });
    const active = await callGraphql(handler, LIST, { variables: { first: 100, filter: { active: true } }, claims: admin });
    const inactive = await callGraphql(handler, LIST, { variables: { first: 100, filter: { active: false } }, claims: admin });
    expect(active.data!.stations.edges.map((edge: any) => edge.node.id)).not.toContain(created.id);
    expect(inactive.data!.stations.edges.map((edge: any) => edge.node.id)).toEqual([created.id]);
  });
});

describe('public service-code lookup', () => {
  test('given no token, when a station is looked up by its service code, then its public fields are answered', async () => {
    const created = await createStation({ name: '定南县城市服务驿站', kind: 'SERVICE_POST', amenities: ['饮水', '充电'] });

    const response = await callGraphql(handler, `query P($code: String!) { stationByServiceCode(code: $code) { id name kind amenities serviceCode } }`, {
      variables: { code: created.serviceCode },
    });

    expect(response.data!.stationByServiceCode).toEqual({
      id: created.id,
      name: '定南县城市服务驿站',
      kind: 'SERVICE_POST',
      amenities: ['饮水', '充电'],
      serviceCode: created.serviceCode,
    });
  });

  test('given no token, when the lookup asks for a non-public field, then the query is refused as invalid', async () => {
    const created = await createStation({ name: 'private', kind: 'SERVICE_POST' });

    const response = await callGraphql(handler, `query P($code: String!) { stationByServiceCode(code: $code) { officers { phone } } }`, {
      variables: { code: created.serviceCode },
    });

    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.data).toBeUndefined();
  });

  test('given a malformed or unknown code, when it is looked up, then BAD_USER_INPUT or NOT_FOUND', async () => {
    const malformed = await callGraphql(handler, `{ stationByServiceCode(code: "DROP TABLE") { id } }`);
    const unknown = await callGraphql(handler, `{ stationByServiceCode(code: "dingnan-ZZZZZZZZ") { id } }`);

    expect(codesOf(malformed)).toEqual(['BAD_USER_INPUT']);
    expect(malformed.errors![0]!.extensions.fields![0]!.path).toBe('code');
    expect(codesOf(unknown)).toEqual(['NOT_FOUND']);
  });
});
