import { cursorKey, decodeCursor, encodeCursor, randomCursorKey } from '../../../functions/store/cursor';
import { TEST_CURSOR_KEY } from '../../support/cursor-key';
import { callGraphql, claimsFor, loadHandler } from '../../support/graphql-handler';
import { OUTSIDE_EVERY_GRID, INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

/**
 * Cursors against every list of the API, through the real server on DynamoDB Local: a cursor
 * pages on only the request it came from (list, district, filter) and only with a key that
 * request could have read; anything else is BAD_USER_INPUT on `after`, never a 500. The test
 * store seals cursors with the fixed test key, so this file can also forge well-sealed ones.
 */
const admin = claimsFor('dingnan', 'ADMIN');
const xianAdmin = claimsFor('xian-gangwu', 'ADMIN');
const clock = movingClock('2026-11-30T01:00:00Z');

type Kind = 'stations' | 'grids' | 'officers' | 'activities' | 'issues';
const FILTER_TYPE: Record<Kind, string> = { stations: 'StationFilter', grids: 'GridFilter', officers: 'OfficerFilter', activities: 'ActivityFilter', issues: 'IssueFilter' };
const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** A top-level list, or a parent's nested list (`station(id) { issues }`). */
const listDocument = (kind: Kind, parent?: string) =>
  parent
    ? `query L($filter: ${FILTER_TYPE[kind]}, $first: Int, $after: String) { ${parent} { ${kind}(filter: $filter, first: $first, after: $after) { ${PAGE} } } }`
    : `query L($filter: ${FILTER_TYPE[kind]}, $first: Int, $after: String) { ${kind}(filter: $filter, first: $first, after: $after) { ${PAGE} } }`;

interface ListCase {
  label: string;
  kind: Kind;
  /** `station(id: "…")`: the list is that parent's. */
  parent?: string;
  filter: Record<string, unknown>;
  /** The same list asked with another filter: the front end kept `after` across a filter change. */
  changed: Record<string, unknown>;
  /** Another list, whose cursor this one must refuse. */
  other: Kind;
}

const LISTS: ListCase[] = [
  { label: 'stations', kind: 'stations', filter: {}, changed: { active: true }, other: 'grids' },
  { label: 'stations of a kind', kind: 'stations', filter: { kind: 'COMMUNITY_WORKSTATION' }, changed: { kind: 'COMMUNITY_WORKSTATION', community: '大世界社区' }, other: 'officers' },
  { label: 'grids', kind: 'grids', filter: {}, changed: { stationId: 'dn-s-01' }, other: 'stations' },
  { label: 'officers', kind: 'officers', filter: {}, changed: { role: 'ENFORCEMENT' }, other: 'grids' },
  { label: 'officers of a grid', kind: 'officers', filter: { gridId: 'dn-g-01-1' }, changed: { gridId: 'dn-g-01-2' }, other: 'stations' },
  { label: 'activities', kind: 'activities', filter: {}, changed: { kind: 'PATROL' }, other: 'issues' },
  { label: 'activities of a week', kind: 'activities', filter: { week: '2026-W47' }, changed: { week: '2026-W48' }, other: 'officers' },
    // The newest issue (the first page's) lies outside the window: DynamoDB itself refused such a start key (a 500).
  { label: 'issues', kind: 'issues', filter: {}, changed: { reportedFrom: '2026-11-30T08:00:00+08:00', reportedTo: '2026-11-30T12:00:00+08:00' }, other: 'activities' },
  {
    label: 'issues reported in a window',
    kind: 'issues',
    filter: { reportedFrom: '2026-11-30T08:00:00+08:00', reportedTo: '2026-12-01T08:00:00+08:00' },
    changed: { reportedFrom: '2026-11-30T10:00:00+08:00', reportedTo: '2026-11-30T12:00:00+08:00' },
    other: 'stations',
  },
  { label: 'issues of a grid', kind: 'issues', filter: { gridId: 'dn-g-01-1' }, changed: { gridId: 'dn-g-01-1', category: 'STRAY_STALL' }, other: 'grids' },
  { label: 'overdue issues', kind: 'issues', filter: { overdue: true }, changed: { overdue: true, source: 'HOTLINE' }, other: 'officers' },
  { label: "a station's issues", kind: 'issues', parent: 'station(id: "dn-s-01")', filter: {}, changed: { status: 'REPORTED' }, other: 'stations' },
];

let executor: CountingExecutor;
let store: TestStore;
let stop: () => Promise<void>;

const connectionOf = (list: { kind: Kind; parent?: string }, data: Record<string, any>) =>
  list.parent ? data[list.parent.slice(0, list.parent.indexOf('('))][list.kind] : data[list.kind];

async function page(list: Omit<ListCase, 'changed' | 'other' | 'label'>, variables: { first?: number; after?: string | null; filter?: Record<string, unknown> }, claims = admin) {
  return executor.execute(listDocument(list.kind, list.parent), { variables: { filter: list.filter, ...variables }, claims });
}

/** The endCursor of a first page of one item (which must have a next page). */
async function firstCursor(list: Omit<ListCase, 'changed' | 'other' | 'label'>, claims = admin): Promise<string> {
  const result = await page(list, { first: 1 }, claims);
  expect(result.errors).toBeUndefined();
  const connection = connectionOf(list, result.data!);
  expect(connection.pageInfo.hasNextPage).toBe(true);
  return connection.pageInfo.endCursor;
}

/** The cursor sealed anew with its values changed: what only a holder of the key could make. */
async function resealed(cursor: string, change: (values: string[]) => string[], key = cursorKey(TEST_CURSOR_KEY)): Promise<string> {
  const { fingerprint, values } = decodeCursor(await cursorKey(TEST_CURSOR_KEY).aesKey(), cursor);
  return encodeCursor(await key.aesKey(), { fingerprint, values: change(values) });
}

function expectRefusedCursor(result: Awaited<ReturnType<typeof page>>) {
  expect(result.errors?.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
  expect(result.errors![0]!.extensions.fields).toEqual([{ path: 'after', message: 'is not a cursor from this list' }]);
}

beforeAll(async () => {
  const seeded = await seededExecutor({ clock: clock.now });
  ({ executor, stop, store } = seeded);
  await seed(seeded.store, 'xian-gangwu');
  const activity = (startsAt: string, endsAt: string, kind = 'PUBLICITY', claims = admin, stationId = 'dn-s-01', officerIds = ['dn-o-01-1']) =>
    executor.execute(`mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      variables: { input: { kind, title: '城市管理进社区', stationId, startsAt, endsAt, officerIds } },
      claims,
    });
  for (const day of ['17', '18', '19', '24', '25']) {
    const recorded = await activity(`2026-11-${day}T09:00:00+08:00`, `2026-11-${day}T10:00:00+08:00`);
    expect(recorded.errors).toBeUndefined();
  }
  for (const day of ['17', '18']) expect((await activity(`2026-11-${day}T09:00:00+08:00`, `2026-11-${day}T10:00:00+08:00`, 'PATROL', xianAdmin, 'xg-s-01', ['xg-o-01-1'])).errors).toBeUndefined();
  const report = (location: object, claims = admin, category = 'ILLEGAL_PARKING', source = 'PATROL') =>
    executor.execute(REPORT, { variables: { input: { category, description: '路边堆放垃圾', source, location } }, claims });
  for (let n = 0; n < 6; n += 1) {
    clock.advanceMinutes(60);
    const reported = await report(n < 4 ? INSIDE_DN_01_1 : OUTSIDE_EVERY_GRID, admin, n % 2 ? 'STRAY_STALL' : 'ILLEGAL_PARKING', n % 2 ? 'HOTLINE' : 'PATROL');
    expect(reported.errors).toBeUndefined();
  }
  for (let n = 0; n < 2; n += 1) expect((await report(OUTSIDE_EVERY_GRID, xianAdmin)).errors).toBeUndefined();
  // Past every time limit: the issues are overdue from here on.
  clock.advanceMinutes(30 * 24 * 60);
}, 180_000);
afterAll(() => stop());

describe.each(LISTS)('$label', (list) => {
  test('given its first page, when it is read on with the endCursor, then the next page follows without repeating an item', async () => {
    const first = await page(list, { first: 1 });
    const next = await page(list, { first: 1, after: connectionOf(list, first.data!).pageInfo.endCursor });

    expect(next.errors).toBeUndefined();
    const ids = [first, next].map((result) => connectionOf(list, result.data!).edges[0]?.node.id);
    expect(ids[1]).toBeDefined();
    expect(ids[1]).not.toEqual(ids[0]);
  });

  test('given a page, when its pageInfo is read, then it is Relay’s: start and end are the first and last edges’ cursors, and there is never a previous page', async () => {
    const result = await page(list, { first: 2 });
    const { edges, pageInfo } = connectionOf(list, result.data!);

    expect(pageInfo).toEqual({ hasNextPage: pageInfo.hasNextPage, hasPreviousPage: false, startCursor: edges[0].cursor, endCursor: edges.at(-1).cursor });
  });

  test('given its cursor, when it is base64-decoded, then it shows neither a table key nor an attribute name', async () => {
    const decoded = Buffer.from(await firstCursor(list), 'base64url').toString('latin1');

    expect(decoded).not.toContain('D#');
    expect(decoded).not.toContain('PK');
    expect(decoded).not.toContain('dingnan');
  });

  test('given its cursor, when the list is asked with another filter, then BAD_USER_INPUT on after', async () => {
    const cursor = await firstCursor(list);

    expectRefusedCursor(await page(list, { after: cursor, filter: list.changed }));
  });

  test("given another district's cursor of the same list, when it is used here, then BAD_USER_INPUT on after", async () => {
    const cursor = await firstCursor({ kind: list.kind, filter: {} }, xianAdmin);

    expectRefusedCursor(await page(list, { after: cursor }));
  });

  test('given the cursor of another list, when it is used here, then BAD_USER_INPUT on after', async () => {
    const cursor = await firstCursor({ kind: list.other, filter: {} });

    expectRefusedCursor(await page(list, { after: cursor }));
  });

  test.each([
    ['a changed character', (cursor: string) => `${cursor.slice(0, 20)}${cursor[20] === 'A' ? 'B' : 'A'}${cursor.slice(21)}`],
    ['its end cut off', (cursor: string) => cursor.slice(0, -6)],
    ['the readable format cursors had, naming an empty key', () => Buffer.from(JSON.stringify({ d: 'dingnan', l: list.kind, k: { PK: '', SK: '' } })).toString('base64url')],
  ])('given its cursor with %s, when it is used, then BAD_USER_INPUT on after', async (_label, change) => {
    expectRefusedCursor(await page(list, { after: change(await firstCursor(list)) }));
  });

  test('given its cursor sealed anew with another key (another deployment), when it is used, then BAD_USER_INPUT on after', async () => {
    expectRefusedCursor(await page(list, { after: await resealed(await firstCursor(list), (values) => values, randomCursorKey()) }));
  });

  test.each([
    ['an empty sort key', (values: string[]) => [...values.slice(0, -1), '']],
    ["another district's partition", (values: string[]) => values.map((value) => value.replace('D#dingnan', 'D#xian-gangwu'))],
    ['a value too few', (values: string[]) => values.slice(0, -1)],
  ])('given its cursor forged with the key to name %s, when it is used, then BAD_USER_INPUT on after', async (_label, change) => {
    expectRefusedCursor(await page(list, { after: await resealed(await firstCursor(list), change) }));
  });

  test('given its cursor forged with the key to name a sort key below every item, when it is used, then BAD_USER_INPUT where the list’s range excludes it, else a page: never a 500', async () => {
    const result = await page(list, { after: await resealed(await firstCursor(list), (values) => [...values.slice(0, -1), ' ']) });

    if (result.errors) expectRefusedCursor(result);
    else expect(connectionOf(list, result.data!).edges).toBeInstanceOf(Array);
  });
});

describe('the Lambda handler', () => {
  test('given the handler with a key in its environment (CURSOR_KEY), when it hands out a cursor, then another server with the same key pages on with it, and one with another key refuses it', async () => {
    const handler = await loadHandler(store);
    const first = await callGraphql(handler, `{ stations(first: 1) { edges { node { id } } pageInfo { endCursor } } }`, { claims: admin });
    const after = first.data!.stations.pageInfo.endCursor;

    const next = await page({ kind: 'stations', filter: {} }, { first: 1, after });
    const resealedElsewhere = await page({ kind: 'stations', filter: {} }, { first: 1, after: await resealed(after, (values) => values, randomCursorKey()) });

    expect(next.errors).toBeUndefined();
    expect(next.data!.stations.edges[0].node.id).not.toBe(first.data!.stations.edges[0].node.id);
    expectRefusedCursor(resealedElsewhere);
  });
});
