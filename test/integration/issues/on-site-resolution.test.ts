import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const REPORT = `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id status resolvedOnSite } } }`;
const STATS = `{ issueStats(from: "2026-01-01", to: "2026-12-31") { total onSiteResolutionRate } }`;
const admin = claimsFor('dingnan', 'ADMIN');
const onSite = { category: 'FLYERS_AND_ADS', description: '清理小广告', location: INSIDE_DN_01_1, source: 'PATROL', resolvedOnSite: true };

let executor: CountingExecutor;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor());
}, 60_000);
afterAll(() => stop());

describe('on-the-spot resolutions come from patrols', () => {
  test.each([
    ['a SCHEDULER', claimsFor('dingnan', 'SCHEDULER'), 'with their own officer token'],
    ['a SUPERVISOR without an officer token', claimsFor('dingnan', 'SUPERVISOR'), 'with their own officer token'],
    ['a sanitation officer of the grid', claimsFor('dingnan', 'OFFICER', 'dn-o-01-5'), 'SANITATION officers do not patrol'],
    ['an enforcement officer of another station', claimsFor('dingnan', 'OFFICER', 'dn-o-03-2'), 'in their own grid or at their own station'],
  ])('given %s, when they file a report resolved on the spot, then FORBIDDEN and neither the issue nor the rate changes', async (_who, claims, reason) => {
    const result = await executor.execute(REPORT, { variables: { input: onSite }, claims });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain(reason);
    const stats = await executor.execute(STATS, { claims: admin });
    expect(stats.data!.issueStats).toEqual({ total: 0, onSiteResolutionRate: null });
  });

  test('given an enforcement officer of the grid, when they file a report resolved on the spot, then it is RESOLVED and counts in the rate', async () => {
    const result = await executor.execute(REPORT, { variables: { input: onSite }, claims: claimsFor('dingnan', 'OFFICER', 'dn-o-01-2') });

    expect(result.data!.reportIssue.issue).toMatchObject({ status: 'RESOLVED', resolvedOnSite: true });
    const stats = await executor.execute(STATS, { claims: admin });
    expect(stats.data!.issueStats).toEqual({ total: 1, onSiteResolutionRate: 1 });
  });
});

describe('a step that resolves on the spot is held to the same rule', () => {
  const RESOLVE = `mutation S($id: ID!) { resolveIssue(id: $id, resolvedOnSite: true) { status resolvedOnSite } }`;
  const ISSUE = `query I($id: ID!) { issue(id: $id) { status resolvedOnSite version } }`;
  const RATE = `{ issueStats(from: "2026-01-01", to: "2026-12-31") { resolvedOnSite patrolFound } }`;
  const gridLeader = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');

  const reportFor = async (source: string) => {
    const result = await executor.execute(REPORT, { variables: { input: { ...onSite, source, resolvedOnSite: undefined } }, claims: claimsFor('dingnan', 'OFFICER', 'dn-o-01-2') });
    const id = result.data!.reportIssue.issue.id as string;
    await executor.execute(`mutation S($id: ID!) { startIssue(id: $id) { status } }`, { variables: { id }, claims: gridLeader });
    return id;
  };

  test.each([
    ['an ADMIN without an officer token', admin, 'with their own officer token'],
    ['a SUPERVISOR whose officer record is a sanitation worker', claimsFor('dingnan', 'SUPERVISOR', 'dn-o-01-5'), 'SANITATION officers do not patrol'],
    ['a SUPERVISOR who patrols another station', claimsFor('dingnan', 'SUPERVISOR', 'dn-o-03-2'), 'in their own grid or at their own station'],
  ])('given %s, when they resolve a patrol find on the spot, then FORBIDDEN and neither the issue nor the rate changes', async (_who, claims, reason) => {
    const id = await reportFor('PATROL');
    const before = await executor.execute(RATE, { claims: admin });

    const result = await executor.execute(RESOLVE, { variables: { id }, claims });

    expect(result.errors?.[0]?.extensions.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.message).toContain(reason);
    expect((await executor.execute(ISSUE, { variables: { id }, claims: admin })).data!.issue).toEqual({ status: 'IN_PROGRESS', resolvedOnSite: false, version: 2 });
    expect((await executor.execute(RATE, { claims: admin })).data).toEqual(before.data);
  });

  test('given a resident’s report taken by phone, when its assignee resolves it on the spot, then BAD_USER_INPUT names resolvedOnSite and nothing changes', async () => {
    const id = await reportFor('HOTLINE');

    const result = await executor.execute(RESOLVE, { variables: { id }, claims: gridLeader });

    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ path: 'resolvedOnSite', message: 'only a PATROL report can be resolved on the spot' }] });
    expect((await executor.execute(ISSUE, { variables: { id }, claims: admin })).data!.issue).toEqual({ status: 'IN_PROGRESS', resolvedOnSite: false, version: 2 });
  });

  test('given the patrolling leader of the grid, when they resolve a patrol find on the spot, then it counts in the rate, in at most 3 sequential round trips', async () => {
    const id = await reportFor('PATROL');
    const before = (await executor.execute(RATE, { claims: admin })).data!.issueStats;

    const result = await executor.execute(RESOLVE, { variables: { id }, claims: gridLeader });

    expect(result.data!.resolveIssue).toEqual({ status: 'RESOLVED', resolvedOnSite: true });
    expect(result.levels).toBeLessThanOrEqual(3);
    expect((await executor.execute(RATE, { claims: admin })).data!.issueStats).toEqual({ ...before, resolvedOnSite: before.resolvedOnSite + 1 });
  });
});
