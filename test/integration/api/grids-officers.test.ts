import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const scheduler = claimsFor('dingnan', 'SCHEDULER');
const ownOfficer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');

const CREATE_GRID = `mutation G($input: CreateGridInput!) { createGrid(input: $input) { id code station { id } leader { id } officers { id } boundary { type coordinates } version } }`;
const UPDATE_GRID = `mutation U($input: UpdateGridInput!) { updateGrid(input: $input) { id name leader { id } officers { id } version } }`;
const CREATE_OFFICER = `mutation O($input: CreateOfficerInput!) { createOfficer(input: $input) { id name role partyMember station { id } active unavailableWeekdays version } }`;
const OFFICERS = `query L($filter: OfficerFilter, $first: Int, $after: String) {
  officers(filter: $filter, first: $first, after: $after) { edges { node { id role active } } pageInfo { hasNextPage endCursor } }
}`;
const square = { type: 'Polygon', coordinates: [[[115.0, 24.7], [115.001, 24.7], [115.001, 24.701], [115.0, 24.701], [115.0, 24.7]]] };

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

const gridCodes = async () => {
  const response = await callGraphql(handler, `{ grids(first: 100) { edges { node { code } } } }`, { claims: admin });
  return response.data!.grids.edges.map((edge: any) => edge.node.code) as string[];
};

describe('grids', () => {
  test('given existing station and officers, when an admin creates a grid, then it links them and stores the boundary', async () => {
    const response = await callGraphql(handler, CREATE_GRID, {
      variables: { input: { code: 'DN-01-9', name: '新网格', stationId: 'dn-s-01', leaderId: 'dn-o-01-1', officerIds: ['dn-o-01-4', 'dn-o-01-4'], boundary: square } },
      claims: admin,
    });

    expect(response.errors).toBeUndefined();
    expect(response.data!.createGrid).toMatchObject({
      code: 'DN-01-9',
      station: { id: 'dn-s-01' },
      leader: { id: 'dn-o-01-1' },
      officers: [{ id: 'dn-o-01-4' }],
      boundary: square,
      version: 1,
    });
  });

  test('given unknown references and an open ring, when a grid is created, then BAD_USER_INPUT names each field and nothing is written', async () => {
    const before = await gridCodes();
    const openRing = { type: 'Polygon', coordinates: [[[115.0, 24.7], [115.001, 24.7], [115.001, 24.701], [115.0, 24.702]]] };

    const invalid = await callGraphql(handler, CREATE_GRID, {
      variables: { input: { code: 'dn lower', name: 'x', stationId: 'dn-s-01', boundary: openRing } },
      claims: admin,
    });
    const dangling = await callGraphql(handler, CREATE_GRID, {
      variables: { input: { code: 'DN-X-1', name: 'x', stationId: 'no-station', officerIds: ['dn-o-01-1'] } },
      claims: admin,
    });
    const danglingOfficer = await callGraphql(handler, CREATE_GRID, {
      variables: { input: { code: 'DN-X-2', name: 'x', stationId: 'dn-s-01', officerIds: ['dn-o-01-1', 'ghost'] } },
      claims: admin,
    });

    expect(invalid.errors![0]!.extensions.fields!.map((field) => field.path)).toEqual(
      expect.arrayContaining(['input.code', 'input.boundary.coordinates.0']),
    );
    expect(dangling.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.stationId' }] });
    expect(danglingOfficer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.officerIds.1' }] });
    expect(await gridCodes()).toEqual(before);
  });

  test('given a grid code in use, when another grid takes it, then BAD_USER_INPUT names input.code', async () => {
    const response = await callGraphql(handler, CREATE_GRID, {
      variables: { input: { code: 'DN-01-1', name: 'dup', stationId: 'dn-s-01' } },
      claims: admin,
    });

    expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'input.code' }] });
  });

  test('given a grid, when its leader is changed and then cleared, then each update bumps the version', async () => {
    const changed = await callGraphql(handler, UPDATE_GRID, {
      variables: { input: { id: 'dn-g-02-1', expectedVersion: 1, leaderId: 'dn-o-02-2' } },
      claims: admin,
    });
    const cleared = await callGraphql(handler, UPDATE_GRID, { variables: { input: { id: 'dn-g-02-1', leaderId: null } }, claims: admin });
    const stale = await callGraphql(handler, UPDATE_GRID, { variables: { input: { id: 'dn-g-02-1', expectedVersion: 2, name: 'stale' } }, claims: admin });

    expect(changed.data!.updateGrid).toMatchObject({ leader: { id: 'dn-o-02-2' }, version: 2 });
    expect(cleared.data!.updateGrid).toMatchObject({ leader: null, version: 3 });
    expect(codesOf(stale)).toEqual(['CONFLICT']);
  });

  test('given a supervisor token, when it creates a grid, then FORBIDDEN', async () => {
    const response = await callGraphql(handler, CREATE_GRID, { variables: { input: { code: 'DN-Z-1', name: 'z', stationId: 'dn-s-01' } }, claims: supervisor });

    expect(codesOf(response)).toEqual(['FORBIDDEN']);
    expect(await gridCodes()).not.toContain('DN-Z-1');
  });
});

describe('officers', () => {
  test('given an admin token, when an officer is created, then defaults apply and the station is linked', async () => {
    const response = await callGraphql(handler, CREATE_OFFICER, {
      variables: { input: { name: '赖志强', role: 'VOLUNTEER', stationId: 'dn-s-03', unavailableWeekdays: ['SUNDAY', 'SUNDAY'] } },
      claims: admin,
    });

    expect(response.data!.createOfficer).toMatchObject({
      name: '赖志强',
      role: 'VOLUNTEER',
      partyMember: false,
      station: { id: 'dn-s-03' },
      active: true,
      unavailableWeekdays: ['SUNDAY'],
      version: 1,
    });
  });

  test('given bad input, when an officer is created, then BAD_USER_INPUT names each field', async () => {
    const response = await callGraphql(handler, CREATE_OFFICER, {
      variables: { input: { name: '', role: 'ENFORCEMENT', phone: 'call me', maxWeeklyDutyMinutes: -5, stationId: 'no-such' } },
      claims: admin,
    });

    expect(response.errors![0]!.extensions.fields!.map((field) => field.path).sort()).toEqual(
      ['input.maxWeeklyDutyMinutes', 'input.name', 'input.phone'].sort(),
    );
  });

  test('given an officer of a station, when deactivated, then it stays readable and leaves the active filter', async () => {
    const response = await callGraphql(handler, `mutation { deactivateOfficer(id: "dn-o-12-5", expectedVersion: 1) { active version } }`, { claims: admin });
    const active = await callGraphql(handler, OFFICERS, { variables: { filter: { stationId: 'dn-s-12', active: true } }, claims: admin });

    expect(response.data!.deactivateOfficer).toEqual({ active: false, version: 2 });
    expect(active.data!.officers.edges.map((edge: any) => edge.node.id)).toEqual(['dn-o-12-1', 'dn-o-12-2', 'dn-o-12-3', 'dn-o-12-4']);
  });

  test('given filters by role and grid, when officers are listed, then only matching officers of the district come back', async () => {
    const enforcement = await callGraphql(handler, OFFICERS, { variables: { filter: { role: 'ENFORCEMENT' }, first: 100 }, claims: admin });
    const ofGrid = await callGraphql(handler, OFFICERS, { variables: { filter: { gridId: 'dn-g-01-1' } }, claims: admin });
    const unknownGrid = await callGraphql(handler, OFFICERS, { variables: { filter: { gridId: 'nope' } }, claims: admin });

    expect(enforcement.data!.officers.edges).toHaveLength(12);
    expect(enforcement.data!.officers.edges.every((edge: any) => edge.node.role === 'ENFORCEMENT')).toBe(true);
    expect(ofGrid.data!.officers.edges.map((edge: any) => edge.node.id)).toEqual(['dn-o-01-1', 'dn-o-01-2', 'dn-o-01-3']);
    expect(unknownGrid.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'filter.gridId' }] });
  });

  test('given 60 seeded officers, when they are paged 25 at a time, then every officer appears exactly once in id order', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const response: any = await callGraphql(handler, OFFICERS, { variables: { filter: { stationId: null }, first: 25, after }, claims: admin });
      seen.push(...response.data.officers.edges.map((edge: any) => edge.node.id));
      after = response.data.officers.pageInfo.hasNextPage ? response.data.officers.pageInfo.endCursor : null;
      pages += 1;
    } while (after);

    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual([...seen].sort());
    expect(seen.filter((id) => id.startsWith('dn-o-'))).toHaveLength(60);
    expect(pages).toBe(Math.ceil(seen.length / 25));
  });

  test('given callers of each role, when an officer phone is read, then only ADMIN, SUPERVISOR and the officer themself see it', async () => {
    const query = `{ officer(id: "dn-o-01-2") { phone } }`;
    const phones = await Promise.all(
      [admin, supervisor, ownOfficer, scheduler, claimsFor('dingnan', 'OFFICER', 'dn-o-01-3')].map(
        async (claims) => (await callGraphql(handler, query, { claims })).data!.officer.phone,
      ),
    );

    expect(phones).toEqual(['17000100002', '17000100002', '17000100002', null, null]);
  });
});

describe('connections', () => {
  test('given out-of-range page sizes, when a list is read, then BAD_USER_INPUT names first', async () => {
    const responses = await Promise.all(
      [0, 101, -1].map((first) => callGraphql(handler, OFFICERS, { variables: { first }, claims: admin })),
    );

    for (const response of responses) expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'first' }] });
  });

  test('given forged, foreign-list and garbage cursors, when they are used, then BAD_USER_INPUT names after, never a 500', async () => {
    const stations = await callGraphql(handler, `{ stations(first: 1) { pageInfo { endCursor } } }`, { claims: admin });
    const stationCursor = stations.data!.stations.pageInfo.endCursor;
    const forged = Buffer.from(JSON.stringify({ d: 'dingnan', l: 'OFFICER', k: { PK: 'D#guiding', SK: 'OFFICER#x' } })).toString('base64url');

    const responses = await Promise.all(
      [stationCursor, forged, 'not-a-cursor', '%%%', 'x'.repeat(2000)].map((after) =>
        callGraphql(handler, OFFICERS, { variables: { after }, claims: admin }),
      ),
    );

    for (const response of responses) {
      expect(response.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
    }
  });

  test('given default arguments, when stations are listed, then 12 come back without a next page', async () => {
    const response = await callGraphql(handler, `{ stations { edges { node { id } } pageInfo { hasNextPage } } }`, { claims: admin });

    expect(response.data!.stations.edges).toHaveLength(12);
    expect(response.data!.stations.pageInfo.hasNextPage).toBe(false);
  });
});
