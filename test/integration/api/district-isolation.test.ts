import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const dingnanAdmin = claimsFor('dingnan', 'ADMIN');
const otherAdmin = claimsFor('guiding', 'ADMIN');

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let otherStationId: string;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
  const created = await callGraphql(handler, `mutation { createStation(input: { name: "金南社区联络站", kind: LIAISON_STATION }) { id } }`, {
    claims: otherAdmin,
  });
  otherStationId = created.data!.createStation.id;
});
afterAll(() => store.drop());

describe('district isolation: one table, every key prefixed by the district', () => {
  test("given another district's token, when it lists stations, grids and officers, then it sees only its own", async () => {
    const response = await callGraphql(
      handler,
      `{ stations(first: 100) { edges { node { id } } } grids { edges { node { id } } } officers { edges { node { id } } } }`,
      { claims: otherAdmin },
    );

    expect(response.data!.stations.edges).toEqual([{ node: { id: otherStationId } }]);
    expect(response.data!.grids.edges).toEqual([]);
    expect(response.data!.officers.edges).toEqual([]);
  });

  test("given another district's token, when it reads Dingnan's ids, then NOT_FOUND", async () => {
    const response = await callGraphql(handler, `{ station(id: "dn-s-01") { id } }`, { claims: otherAdmin });
    const grid = await callGraphql(handler, `{ grid(id: "dn-g-01-1") { id } }`, { claims: otherAdmin });
    const officer = await callGraphql(handler, `{ officer(id: "dn-o-01-1") { id } }`, { claims: otherAdmin });

    expect([codesOf(response), codesOf(grid), codesOf(officer)]).toEqual([['NOT_FOUND'], ['NOT_FOUND'], ['NOT_FOUND']]);
  });

  test("given another district's token, when it updates or deactivates Dingnan's station, then NOT_FOUND and Dingnan's data is unchanged", async () => {
    const update = await callGraphql(handler, `mutation { updateStation(input: { id: "dn-s-01", name: "taken over" }) { id } }`, { claims: otherAdmin });
    const deactivate = await callGraphql(handler, `mutation { deactivateOfficer(id: "dn-o-01-1") { id } }`, { claims: otherAdmin });

    expect([codesOf(update), codesOf(deactivate)]).toEqual([['NOT_FOUND'], ['NOT_FOUND']]);
    const read = await callGraphql(handler, `{ station(id: "dn-s-01") { name version } officer(id: "dn-o-01-1") { active } }`, { claims: dingnanAdmin });
    expect(read.data).toEqual({ station: { name: '大世界社区城管服务工作站', version: 1 }, officer: { active: true } });
  });

  test("given another district's token, when it links Dingnan's station or officers into a grid, then BAD_USER_INPUT and nothing is written", async () => {
    const response = await callGraphql(
      handler,
      `mutation { createGrid(input: { code: "GD-1", name: "x", stationId: "dn-s-01", leaderId: "dn-o-01-1" }) { id } }`,
      { claims: otherAdmin },
    );

    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.stationId' }] });
    const grids = await callGraphql(handler, `{ grids { edges { node { id } } } }`, { claims: otherAdmin });
    expect(grids.data!.grids.edges).toEqual([]);
  });

  test("given a cursor from Dingnan's list, when another district pages with it, then BAD_USER_INPUT", async () => {
    const page = await callGraphql(handler, `{ stations(first: 2) { pageInfo { endCursor } } }`, { claims: dingnanAdmin });

    const response = await callGraphql(handler, `query S($after: String) { stations(after: $after) { edges { node { id } } } }`, {
      variables: { after: page.data!.stations.pageInfo.endCursor },
      claims: otherAdmin,
    });

    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  test('given each token, when the district is read, then it is the token’s own district with its policy', async () => {
    const response = await callGraphql(handler, `{ district { id name timezone policy { minSessionsPerWeek minSessionMinutes shiftWindows { name start end } } } }`, {
      claims: claimsFor('dingnan', 'OFFICER'),
    });
    const unseeded = await callGraphql(handler, `{ district { id } }`, { claims: otherAdmin });

    expect(response.data!.district).toMatchObject({ id: 'dingnan', name: '定南县', timezone: 'Asia/Shanghai', policy: { minSessionsPerWeek: 2, minSessionMinutes: 120 } });
    expect(response.data!.district.policy.shiftWindows).toHaveLength(3);
    expect(codesOf(unseeded)).toEqual(['NOT_FOUND']);
  });

  test('given claims without a known role or district, when the API is called, then UNAUTHENTICATED', async () => {
    const noRole = { sub: 'x', 'custom:district': 'dingnan', 'cognito:groups': '[GUEST]' };
    const noDistrict = { sub: 'x', 'cognito:groups': '[ADMIN]' };

    const responses = await Promise.all([noRole, noDistrict].map((claims) => callGraphql(handler, `{ stations { edges { node { id } } } }`, { claims })));

    expect(responses.map(codesOf)).toEqual([['UNAUTHENTICATED'], ['UNAUTHENTICATED']]);
  });
});
