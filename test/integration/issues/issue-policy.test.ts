import { claimsFor } from '../../support/graphql-handler';
import { seededExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const POLICY = `{ district { issuePolicy { version timeLimits { category priority dispatchMinutes resolveMinutes } } } }`;
const UPDATE = `mutation U($input: UpdateIssuePolicyInput!) { updateIssuePolicy(input: $input) { version timeLimits { category priority dispatchMinutes resolveMinutes } } }`;

let fixture: Awaited<ReturnType<typeof seededExecutor>>;

beforeAll(async () => {
  fixture = await seededExecutor();
});
afterAll(() => fixture.stop());

const run = (query: string, variables?: Record<string, unknown>) => fixture.executor.execute(query, { claims: admin, ...(variables ? { variables } : {}) });
const byPair = (limits: { category: string | null; priority: string }[]) => limits.map((limit) => `${limit.category ?? '*'}/${limit.priority}`).sort();

describe('issue policy', () => {
  test('given the defaults (version 0), when updated with the version read, then accepted; the same stale version again is CONFLICT', async () => {
    const read = await run(POLICY);
    expect(read.data!.district.issuePolicy.version).toBe(0);

    const first = await run(UPDATE, { input: { expectedVersion: 0, duplicateWindowDays: 5 } });
    const stale = await run(UPDATE, { input: { expectedVersion: 0, duplicateWindowDays: 6 } });

    expect(first.errors).toBeUndefined();
    expect(first.data!.updateIssuePolicy.version).toBe(1);
    expect(stale.errors!.map((error) => error.extensions.code)).toEqual(['CONFLICT']);
  });

  test('given limits for several pairs, when one pair is edited, then the other limits are kept', async () => {
    await run(UPDATE, { input: { timeLimits: [{ category: 'OPEN_BURNING', priority: 'URGENT', dispatchMinutes: 15, resolveMinutes: 120 }] } });

    const edited = await run(UPDATE, { input: { timeLimits: [{ priority: 'NORMAL', dispatchMinutes: 600, resolveMinutes: 2000 }] } });

    const limits = edited.data!.updateIssuePolicy.timeLimits;
    expect(byPair(limits)).toEqual(['*/NORMAL', '*/URGENT', 'OPEN_BURNING/URGENT']);
    expect(limits).toContainEqual({ category: null, priority: 'NORMAL', dispatchMinutes: 600, resolveMinutes: 2000 });
    expect(limits).toContainEqual({ category: 'OPEN_BURNING', priority: 'URGENT', dispatchMinutes: 15, resolveMinutes: 120 });
  });

  test('given replaceTimeLimits, when limits are given, then they are the whole list', async () => {
    const replaced = await run(UPDATE, { input: { replaceTimeLimits: true, timeLimits: [{ category: 'STRAY_STALL', priority: 'NORMAL', dispatchMinutes: 60, resolveMinutes: 240 }] } });

    expect(replaced.data!.updateIssuePolicy.timeLimits).toEqual([{ category: 'STRAY_STALL', priority: 'NORMAL', dispatchMinutes: 60, resolveMinutes: 240 }]);
    expect((await run(POLICY)).data!.district.issuePolicy.timeLimits).toEqual(replaced.data!.updateIssuePolicy.timeLimits);
  });

  test('given a negative expected version, when updated, then BAD_USER_INPUT names it and nothing changes', async () => {
    const before = await run(POLICY);

    const refused = await run(UPDATE, { input: { expectedVersion: -1, duplicateWindowDays: 9 } });

    expect(refused.errors![0]!.extensions.fields!.map((field: { path: string }) => field.path)).toEqual(['input.expectedVersion']);
    expect(await run(POLICY)).toEqual(before);
  });
});
