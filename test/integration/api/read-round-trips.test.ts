import { OPERATIONS } from '../../../bench/support/operations';
import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { seededExecutor } from '../../support/seeded-executor';

let fixture: Awaited<ReturnType<typeof seededExecutor>>;

beforeAll(async () => {
  fixture = await seededExecutor();
  const report = `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`;
  for (const description of ['井盖破损', '路灯不亮', '占道经营']) {
    const input = { category: 'DAMAGED_MUNICIPAL_FACILITY', description, source: 'WALK_IN', location: INSIDE_DN_01_1 };
    expect((await fixture.executor.execute(report, { variables: { input }, claims: claimsFor('dingnan', 'SUPERVISOR') })).errors).toBeUndefined();
  }
}, 60_000);
afterAll(() => fixture.stop());

/** Runs a read and answers its sequential round trips, after checking it answered. */
async function levelsOf(query: string, variables: Record<string, unknown>, claims: Record<string, string>): Promise<number> {
  const result = await fixture.executor.execute(query, { variables, claims });
  expect(result.errors).toBeUndefined();
  return result.levels;
}

// The bench's baselines (bench/support/operations.ts), held here by structure rather than by the bench's timing on a busy machine.
describe('read round trips', () => {
  test.each([
    ['station dashboard, with the leaders’ phones, by an ADMIN', OPERATIONS.dashboard, { id: 'dn-s-01', week: '2026-W47' }],
    ['station dashboard, by an officer', OPERATIONS.dashboardAsOfficer, { id: 'dn-s-01', week: '2026-W47' }],
    ['issues page of 50, by an ADMIN', OPERATIONS.issuesPage, {}],
  ])('given the %s, when it is read again (warm, as the bench measures), then it costs the sequential round trips the bench states', async (_what, operation, variables) => {
    await levelsOf(operation.document, variables, operation.claims);
    expect({ levels: await levelsOf(operation.document, variables, operation.claims), why: operation.levelsExplained }).toEqual({ levels: operation.levels, why: operation.levelsExplained });
  });
});
