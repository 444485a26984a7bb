import { DateTime } from 'luxon';
import { createCountingExecutor } from '../../support/counting-executor';
import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, ISSUE, OUTSIDE_EVERY_GRID, REPORT, RESOLVE, START, ASSIGN } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';
import {
  injectWireFaults,
  internalServerError,
  throttled,
  throughputExceeded,
  transactionConflict,
  type WireAttempt,
} from '../../support/wire-faults';

/**
 * DynamoDB faults on the wire, met by the client exactly as createStore configures it (the
 * SDK's standard retries, 3 attempts) and by the store's own retries, against DynamoDB Local.
 */
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const leader = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const STATS = `query S($day: Date!) { issueStats(from: $day, to: $day) { total resolved } }`;
const TRANSACTION = 'TransactWriteItemsCommand';

let store: TestStore;
let executor: Awaited<ReturnType<typeof createCountingExecutor>>;
let wire: ReturnType<typeof injectWireFaults>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  wire = injectWireFaults(store);
  executor = await createCountingExecutor(store);
});
afterAll(async () => {
  await executor.stop();
  await store.drop();
});
beforeEach(() => wire.reset());

const tokenOf = (attempt: WireAttempt): string => (JSON.parse(attempt.body) as { ClientRequestToken: string }).ClientRequestToken;
const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;

async function ok(query: string, variables: Record<string, unknown>, claims: Record<string, string>) {
  const result = await executor.execute(query, { variables, claims });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

async function reportPatrolIssue(location: { lat: number; lng: number }): Promise<string> {
  const data = await ok(REPORT, { input: { category: 'ILLEGAL_DUMPING', description: '路边堆放建筑垃圾', source: 'PATROL', location } }, supervisor);
  return data.reportIssue.issue.id;
}

describe('reads under faults', () => {
  test('given a Query throttled once, when stations are listed, then the SDK retries it and the list is complete', async () => {
    wire.fail('QueryCommand', throttled);

    const data = await ok(`{ stations(first: 12) { edges { node { id } } } }`, {}, supervisor);

    expect(data.stations.edges).toHaveLength(12);
    expect(wire.attemptsOf('QueryCommand')).toHaveLength(2);
  });

  test('given a GetItem answered 500 and a BatchGetItem timing out, when read, then each is retried and answers', async () => {
    wire.fail('GetItemCommand', internalServerError);
    wire.fail('BatchGetItemCommand', { kind: 'timeout' });

    const data = await ok(`{ district { name } station(id: "dn-s-01") { id } }`, {}, supervisor);

    expect(data).toEqual({ district: { name: '定南县' }, station: { id: 'dn-s-01' } });
    expect(wire.attemptsOf('GetItemCommand')).toHaveLength(2);
    expect(wire.attemptsOf('BatchGetItemCommand')).toHaveLength(2);
  });
});

describe('transactions under faults', () => {
  test('given ProvisionedThroughputExceeded on the report’s transaction, when an issue is reported, then the same request is resent and one issue is stored', async () => {
    const before = (await ok(STATS, { day: today() }, supervisor)).issueStats.total;
    wire.fail(TRANSACTION, throughputExceeded);

    const id = await reportPatrolIssue(INSIDE_DN_01_1);

    const [first, second] = wire.attemptsOf(TRANSACTION);
    expect(wire.attemptsOf(TRANSACTION)).toHaveLength(2);
    expect(second!.body).toBe(first!.body);
    expect(tokenOf(first!)).toMatch(/^[0-9a-f-]{36}$/);
    expect((await ok(ISSUE, { id }, supervisor)).issue.history.map((event: { action: string }) => event.action)).toEqual(['REPORT', 'ASSIGN']);
    expect((await ok(STATS, { day: today() }, supervisor)).issueStats.total).toBe(before + 1);
  });

  test('given the answer to a committed step is lost, when the officer resolves the issue, then the resend with the same token is applied once and the step succeeds', async () => {
    const id = await reportPatrolIssue(INSIDE_DN_01_1);
    await ok(START, { id }, leader);
    const before = await ok(ISSUE, { id }, supervisor);
    const resolvedBefore = (await ok(STATS, { day: today() }, supervisor)).issueStats.resolved;
    wire.reset();
    wire.fail(TRANSACTION, { kind: 'lostAnswer' });

    const resolved = await ok(RESOLVE, { id, expectedVersion: before.issue.version, note: '已清运' }, leader);

    const [sent, resent] = wire.attemptsOf(TRANSACTION);
    expect(wire.attemptsOf(TRANSACTION)).toHaveLength(2);
    expect(tokenOf(resent!)).toBe(tokenOf(sent!));
    expect(resolved.resolveIssue).toMatchObject({ status: 'RESOLVED', version: before.issue.version + 1 });
    const after = await ok(ISSUE, { id }, supervisor);
    expect(after.issue.history.map((event: { action: string }) => event.action)).toEqual(['REPORT', 'ASSIGN', 'START', 'RESOLVE']);
    expect(after.issue.version).toBe(before.issue.version + 1);
    expect((await ok(STATS, { day: today() }, supervisor)).issueStats.resolved).toBe(resolvedBefore + 1);
  });

  test('given a transaction cancelled by a conflict once, when a supervisor dispatches the issue, then it is retried with a new token and applied once', async () => {
    const id = await reportPatrolIssue(OUTSIDE_EVERY_GRID);
    wire.reset();
    wire.fail(TRANSACTION, transactionConflict);

    const assigned = await ok(ASSIGN, { id, assigneeId: 'dn-o-02-1' }, supervisor);

    const [cancelled, retried] = wire.attemptsOf(TRANSACTION);
    expect(wire.attemptsOf(TRANSACTION)).toHaveLength(2);
    expect(tokenOf(retried!)).not.toBe(tokenOf(cancelled!));
    expect(assigned.assignIssue).toMatchObject({ status: 'ASSIGNED', assignee: { id: 'dn-o-02-1' }, version: 2 });
    expect(assigned.assignIssue.history.map((event: { action: string }) => event.action)).toEqual(['REPORT', 'ASSIGN']);
  });
});
