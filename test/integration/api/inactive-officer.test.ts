import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const officer = claimsFor('dingnan', 'OFFICER', 'dn-o-02-1');
const READ = `{ district { id } officer(id: "dn-o-02-1") { name active } }`;

let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-20T02:00:00Z');

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
});
afterAll(() => stop());

describe('tokens of officers who are no longer active', () => {
  test('given an active officer, when they read, then it works and their own record is read in the same batch as the fields that need it', async () => {
    const result = await executor.execute(READ, { claims: officer });

    expect(result.errors).toBeUndefined();
    expect(result.data!.officer).toEqual({ name: expect.any(String), active: true });
    expect(result.commands.filter((command) => command === 'BatchGetItemCommand')).toHaveLength(1);
  });

  test('given an officer deactivated after their token was issued, when they call once the container stops trusting them, then UNAUTHENTICATED and nothing is read for them', async () => {
    const deactivated = await executor.execute(`mutation { deactivateOfficer(id: "dn-o-02-1") { active } }`, { claims: admin });
    expect(deactivated.data!.deactivateOfficer.active).toBe(false);
    clock.advanceMinutes(1);

    const refused = await executor.execute(READ, { claims: officer });
    const write = await executor.execute(`mutation { reportIssue(input: { category: OTHER, description: "x", source: PATROL }) { issue { id } } }`, { claims: officer });

    expect(new Set(refused.errors!.map((error) => error.extensions.code))).toEqual(new Set(['UNAUTHENTICATED']));
    expect(refused.data ?? null).toBeNull();
    expect(write.errors!.map((error) => error.extensions.code)).toEqual(['BAD_USER_INPUT']);
    expect(write.errors![0]!.extensions.fields).toEqual([{ path: 'input.serviceCode', message: 'is required to report without a token' }]);
  });

  test('given a token naming an officer id that is not in the district, when it calls, then UNAUTHENTICATED at once', async () => {
    const ghost = await executor.execute(READ, { claims: claimsFor('dingnan', 'OFFICER', 'no-such-officer') });

    expect(new Set(ghost.errors!.map((error) => error.extensions.code))).toEqual(new Set(['UNAUTHENTICATED']));
  });

  test('given an ADMIN token that names no officer, when it calls, then no officer record is checked', async () => {
    const result = await executor.execute(`{ district { id } }`, { claims: admin });

    expect(result.errors).toBeUndefined();
    expect(result.commands).toEqual(['GetItemCommand']);
  });
});
