import { claimsFor } from '../../support/graphql-handler';
import { createCountingExecutor } from '../../support/counting-executor';
import { ASSIGN, CLOSE, INSIDE_DN_01_1, REJECT, REOPEN, REPORT, RESOLVE, START } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * Rebuilds Dingnan's published figures (2023 article) from issues recorded through the API:
 * 317 found on patrol, 261 solved on the spot (82 %); 45 reported by residents, 44 solved; 98 % satisfied.
 */
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const patrol = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');
const clock = movingClock('2026-06-01T02:00:00Z');
const STATS = `query Stats($stationId: ID) { issueStats(from: "2026-06-01", to: "2026-06-01", stationId: $stationId) {
  total registered resolved closed reopened resolvedOnSite patrolFound onSiteResolutionRate residentReported residentResolved
  residentResolutionRate registrationRate onTimeClosureRate reworkRate responseRate resolutionRate rated satisfactionRate
  medianMinutesToResolve p90MinutesToResolve overdue } }`;

let store: TestStore;
let api: Awaited<ReturnType<typeof createCountingExecutor>>;
let codes: string[];

async function inBatches<T>(count: number, run: (index: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  for (let start = 0; start < count; start += 8) {
    results.push(...(await Promise.all(Array.from({ length: Math.min(8, count - start) }, (_, offset) => run(start + offset)))));
  }
  return results;
}

async function ok(document: string, variables: Record<string, unknown>, claims: Record<string, string> | null) {
  const result = await api.execute(document, { variables, ...(claims ? { claims } : {}) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

beforeAll(async () => {
  store = await createTestStore();
  codes = (await seed(store, 'dingnan')).stations.map((station) => station.serviceCode);
  api = await createCountingExecutor(store, { clock: clock.now });
  await ok(`mutation { updateIssuePolicy(input: { publicReportsPerCodePerMinute: 1000 }) { version } }`, {}, admin);

  const patrolReport = (input: Record<string, unknown>) =>
    ok(REPORT, { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '巡查发现', source: 'PATROL', ...input } }, patrol);
  await inBatches(261, () => patrolReport({ location: INSIDE_DN_01_1, resolvedOnSite: true }));
  await inBatches(50, () => patrolReport({ location: INSIDE_DN_01_1 }));
  const unlocated = await inBatches(6, () => patrolReport({}));
  const resident = await inBatches(45, (n) =>
    ok(REPORT, { input: { category: 'GARBAGE_NOT_COLLECTED', description: '群众反映', serviceCode: codes[n % codes.length] } }, null),
  );

  clock.advanceMinutes(90);
  await inBatches(6, (n) => ok(REJECT, { id: unlocated[n]!.reportIssue.issue.id, reason: '非城管职责' }, supervisor));
  await inBatches(44, async (n) => {
    const id = resident[n]!.reportIssue.issue.id;
    await ok(ASSIGN, { id, assigneeId: 'dn-o-03-2' }, supervisor);
    await ok(START, { id }, supervisor);
    await ok(RESOLVE, { id, note: '已清运' }, supervisor);
    await ok(CLOSE, { id, satisfaction: n === 0 ? 'DISSATISFIED' : n % 2 ? 'SATISFIED' : 'BASICALLY_SATISFIED' }, supervisor);
  });
  await inBatches(2, (n) => ok(REOPEN, { id: resident[n + 1]!.reportIssue.issue.id, note: '回访不满意，返工' }, supervisor));
}, 300_000);

afterAll(async () => {
  await api.stop();
  await store.drop();
});

describe('Dingnan KPIs rebuilt through the API', () => {
  test('given 317 patrol finds with 261 solved on the spot and 45 resident reports with 44 solved, when stats are read, then 82.3 % and 97.8 %', async () => {
    const { issueStats } = await ok(STATS, {}, supervisor);

    expect(issueStats).toMatchObject({ total: 362, patrolFound: 317, resolvedOnSite: 261, residentReported: 45, residentResolved: 44 });
    expect(issueStats.onSiteResolutionRate).toBeCloseTo(0.823, 3);
    expect(issueStats.residentResolutionRate).toBeCloseTo(0.978, 3);
  });

  test('given rejections, closures, ratings and rework, when stats are read, then the city-management rates follow their definitions', async () => {
    const { issueStats } = await ok(STATS, {}, supervisor);

    expect(issueStats).toMatchObject({ registered: 356, resolved: 305, closed: 44, reopened: 2, rated: 44, overdue: 0 });
    expect(issueStats.registrationRate).toBeCloseTo(356 / 362, 6);
    expect(issueStats.satisfactionRate).toBeCloseTo(43 / 44, 6);
    expect(Math.round(issueStats.satisfactionRate * 100)).toBe(98);
    expect(issueStats.reworkRate).toBeCloseTo(2 / 44, 6);
    expect(issueStats.resolutionRate).toBeCloseTo(305 / 356, 6);
    expect(issueStats.onTimeClosureRate).toBe(1);
    expect(issueStats.responseRate).toBeCloseTo((261 + 50 + 44) / 356, 6);
    expect(issueStats.medianMinutesToResolve).toBe(0);
    expect(issueStats.p90MinutesToResolve).toBe(90);
  });

  test('given a station, when its stats are read, then only its issues count', async () => {
    const { issueStats } = await ok(STATS, { stationId: 'dn-s-01' }, supervisor);

    expect(issueStats).toMatchObject({ patrolFound: 311, resolvedOnSite: 261, residentReported: 4, residentResolved: 4 });
  });

  test('given a busy district, when stats are read, then no issue item is read: a bucket Query and the overdue Query only', async () => {
    const result = await api.execute(STATS, { claims: supervisor });

    expect(result.commands).toEqual(['QueryCommand', 'QueryCommand']);
  });

  // Still open: 50 dispatched patrol finds, 1 unsolved resident report, 2 reopened for rework.
  test('given time passing beyond the due times, when stats are read, then the open overdue issues lower the on-time closure rate', async () => {
    clock.advanceMinutes(4 * 24 * 60);

    const { issueStats } = await ok(STATS, {}, supervisor);

    expect(issueStats.overdue).toBe(53);
    expect(issueStats.onTimeClosureRate).toBeCloseTo(44 / (44 + 53), 6);
  });
});
