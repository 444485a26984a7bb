import { localDate } from '../../../functions/domain/time';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, REPORT, RESOLVE, START } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const leader = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const STATION = 'dn-s-01';

const STATS = `query Stats($from: Date!, $to: Date!, $stationId: ID) { issueStats(from: $from, to: $to, stationId: $stationId) {
  total registered resolved responseRate } }`;
const PAGE = `query Page($filter: IssueFilter, $after: String) { issues(filter: $filter, first: 100, after: $after) {
  edges { node { id status resolvedAt } } pageInfo { hasNextPage endCursor } } }`;

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

const report = () =>
  callGraphql(handler, REPORT, {
    variables: { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1 } },
    claims: supervisor,
  });
const step = (document: string, id: string) => callGraphql(handler, document, { variables: { id }, claims: leader });

/** Every issue of the filter, read page by page: the recount the counters must equal. */
async function allIssues(filter: Record<string, unknown>): Promise<{ id: string; status: string; resolvedAt: string | null }[]> {
  const issues = [];
  let after: string | undefined;
  for (;;) {
    const response = await callGraphql(handler, PAGE, { variables: { filter, after }, claims: supervisor });
    expect(codesOf(response)).toEqual([]);
    issues.push(...response.data!.issues.edges.map((edge: any) => edge.node));
    if (!response.data!.issues.pageInfo.hasNextPage) return issues;
    after = response.data!.issues.pageInfo.endCursor;
  }
}

describe('concurrent reports and steps on one station', () => {
  test('given 200 reports and steps at once on one station, twice, when the statistics are read, then no call failed and they equal a recount of the issues', async () => {
    const first = await Promise.all(Array.from({ length: 100 }, report));
    const firstIds = first.map((response) => response.data!.reportIssue.issue.id as string);

    const wave1 = await Promise.all([...firstIds.map((id) => step(START, id)), ...Array.from({ length: 100 }, report)]);
    const secondIds = wave1.slice(100).map((response) => response.data?.reportIssue.issue.id as string);
    const wave2 = await Promise.all([...firstIds.map((id) => step(RESOLVE, id)), ...secondIds.map((id) => step(START, id))]);

    expect([...first, ...wave1, ...wave2].flatMap(codesOf)).toEqual([]);
    const today = localDate(new Date().toISOString(), 'Asia/Shanghai');
    const from = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const stationId of [STATION, undefined]) {
      const stats = await callGraphql(handler, STATS, { variables: { from, to, stationId }, claims: supervisor });
      const issues = await allIssues(stationId ? { stationId } : {});
      expect(codesOf(stats)).toEqual([]);
      expect(stats.data!.issueStats).toMatchObject({
        total: issues.length,
        registered: issues.length,
        resolved: issues.filter((issue) => issue.resolvedAt).length,
        responseRate: 1,
      });
      expect(issues).toHaveLength(200);
    }
  }, 600_000);
});
