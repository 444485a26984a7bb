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
