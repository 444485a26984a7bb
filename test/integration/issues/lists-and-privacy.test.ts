import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { INSIDE_DN_01_1, OUTSIDE_EVERY_GRID, REPORT, START } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const clock = movingClock('2026-11-10T00:00:00Z');
const LIST = `query L($filter: IssueFilter, $first: Int, $after: String) {
  issues(filter: $filter, first: $first, after: $after) { edges { node { id category status reportedAt } } pageInfo { hasNextPage endCursor } }
}`;

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;
const reported: { id: string; category: string; at: string }[] = [];

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  api = await createCountingExecutor(store, { clock: clock.now });
  const categories = ['ILLEGAL_PARKING', 'STRAY_STALL', 'OPEN_BURNING'];
  for (let n = 0; n < 12; n += 1) {
    clock.advanceMinutes(60);
    const result = await api.execute(REPORT, {
      variables: {
        input: {
          category: categories[n % 3],
          description: `第${n}个问题`,
          source: n % 2 ? 'HOTLINE' : 'PATROL',
          location: n < 8 ? INSIDE_DN_01_1 : OUTSIDE_EVERY_GRID,
          photoUrls: ['https://img.example/face.jpg'],
          photosShowPeople: n !== 0,
          reporterContact: 'resident@example.com',
        },
      },
      claims: supervisor,
    });
    reported.push({ id: result.data!.reportIssue.issue.id, category: categories[n % 3]!, at: clock.now().toISOString() });
  }
  await api.execute(START, { variables: { id: reported[0]!.id }, claims: officer });
}, 120_000);

afterAll(async () => {
  await api.stop();
  await store.drop();
});

const ids = (result: { data?: Record<string, any> }) => result.data!.issues.edges.map((edge: any) => edge.node.id);

describe('finding issues', () => {
  test('given 12 issues, when listed without a filter, then they come newest first and each page costs one index Query and one BatchGet of its items (plus the district time zone)', async () => {
    const first = await api.execute(LIST, { variables: { first: 5 }, claims: officer });
    const rest = await api.execute(LIST, { variables: { first: 100, after: first.data!.issues.pageInfo.endCursor }, claims: officer });

    expect([...ids(first), ...ids(rest)]).toEqual([...reported].reverse().map((issue) => issue.id));
    expect(first.data!.issues.pageInfo.hasNextPage).toBe(true);
    expect(rest.data!.issues.pageInfo.hasNextPage).toBe(false);
    for (const page of [first, rest]) expect([...page.commands].sort()).toEqual(['BatchGetItemCommand', 'GetItemCommand', 'QueryCommand']);
  });

  test.each([
    ['status', { status: 'IN_PROGRESS' }, (n: number) => n === 0],
    ['category', { category: 'STRAY_STALL' }, (n: number) => n % 3 === 1],
    ['source', { source: 'HOTLINE' }, (n: number) => n % 2 === 1],
    ['grid', { gridId: 'dn-g-01-1' }, (n: number) => n < 8],
    ['station and category', { stationId: 'dn-s-01', category: 'OPEN_BURNING' }, (n: number) => n < 8 && n % 3 === 2],
    ['assignee and status', { assigneeId: 'dn-o-01-1', status: 'ASSIGNED' }, (n: number) => n > 0 && n < 8],
    ['report time', { reportedFrom: '2026-11-10T12:00:00+08:00', reportedTo: '2026-11-10T15:00:00+08:00' }, (n: number) => n >= 3 && n < 6],
    ['not overdue', { overdue: false }, () => true],
  ])('given a filter by %s, when issues are listed, then exactly the matching ones come back, newest first', async (_label, filter, matches) => {
    const result = await api.execute(LIST, { variables: { filter, first: 100 }, claims: supervisor });

    expect(result.errors).toBeUndefined();
    expect(ids(result)).toEqual(reported.map((issue, n) => (matches(n) ? issue.id : null)).filter(Boolean).reverse());
    expect(result.commands).not.toContain('ScanCommand');
  });

  test('given a cursor of one filter, when it is used with another, then BAD_USER_INPUT names after', async () => {
    const byGrid = await api.execute(LIST, { variables: { filter: { gridId: 'dn-g-01-1' }, first: 1 }, claims: supervisor });

    const result = await api.execute(LIST, { variables: { filter: { status: 'ASSIGNED' }, after: byGrid.data!.issues.pageInfo.endCursor }, claims: supervisor });

    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'after' }] });
  });

  test('given stations, grids and officers, when their issues are read nested, then each shows its own', async () => {
    const result = await api.execute(
      `{ station(id: "dn-s-01") { issues(first: 100) { edges { node { id } } } }
         grid(id: "dn-g-01-1") { issues(filter: { category: ILLEGAL_PARKING }) { edges { node { id } } } }
         officer(id: "dn-o-01-1") { assignedIssues(filter: { status: IN_PROGRESS }) { edges { node { id } } } } }`,
      { claims: supervisor },
    );

    expect(result.data!.station.issues.edges).toHaveLength(8);
    expect(result.data!.grid.issues.edges.map((edge: any) => edge.node.id)).toEqual([reported[6]!.id, reported[3]!.id, reported[0]!.id]);
    expect(result.data!.officer.assignedIssues.edges.map((edge: any) => edge.node.id)).toEqual([reported[0]!.id]);
  });
});

describe('privacy', () => {
  test('given each role, when an issue is read, then reporter contact and photos of people show only to ADMIN and SUPERVISOR', async () => {
    const read = async (claims: Record<string, string>, n: number) =>
      (await api.execute(`{ issue(id: "${reported[n]!.id}") { reporterContact photoUrls } }`, { claims })).data!.issue;

    expect(await read(admin, 1)).toEqual({ reporterContact: 'resident@example.com', photoUrls: ['https://img.example/face.jpg'] });
    expect(await read(supervisor, 1)).toEqual({ reporterContact: 'resident@example.com', photoUrls: ['https://img.example/face.jpg'] });
    expect(await read(officer, 1)).toEqual({ reporterContact: null, photoUrls: [] });
    expect(await read(officer, 0)).toEqual({ reporterContact: null, photoUrls: ['https://img.example/face.jpg'] });
  });

  test('given no token, when issues are listed or read, then UNAUTHENTICATED', async () => {
    const list = await api.execute(LIST, {});
    const stats = await api.execute(`{ issueStats(from: "2026-11-01", to: "2026-11-30") { total } }`);

    expect([list, stats].map((result) => result.errors![0]!.extensions.code)).toEqual(['UNAUTHENTICATED', 'UNAUTHENTICATED']);
  });

  test("given another district's token, when it lists or reads Dingnan's issues, then it sees none", async () => {
    const other = claimsFor('guiding', 'ADMIN');

    const list = await api.execute(LIST, { claims: other });
    const one = await api.execute(`{ issue(id: "${reported[0]!.id}") { id } }`, { claims: other });
    const stats = await api.execute(`{ issueStats(from: "2026-11-01", to: "2026-11-30") { total } }`, { claims: other });

    expect(list.data!.issues.edges).toEqual([]);
    expect(one.errors![0]!.extensions.code).toBe('NOT_FOUND');
    expect(stats.data!.issueStats.total).toBe(0);
  });
});
