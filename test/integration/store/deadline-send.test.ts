import { DateTime } from 'luxon';
import { runWithDeadline } from '../../../functions/shared/deadline';
import { createCountingExecutor } from '../../support/counting-executor';
import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';
import { injectWireFaults, throttled } from '../../support/wire-faults';

/**
 * A request's deadline against throttling on the wire (below the SDK's retries), with DynamoDB
 * Local behind. The deadline is made to pass at a given attempt, not after a time: nothing here
 * depends on how fast the machine is.
 */
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const STATS = `query S($day: Date!) { issueStats(from: $day, to: $day) { total } }`;
const ISSUES = `{ issues(first: 100) { edges { node { id } } } }`;
const TRANSACTION = 'TransactWriteItemsCommand';
const REPORT_INPUT = { input: { category: 'ILLEGAL_DUMPING', description: '路边堆放建筑垃圾', source: 'PATROL', location: INSIDE_DN_01_1 } };

let store: TestStore;
let executor: Awaited<ReturnType<typeof createCountingExecutor>>;
let wire: ReturnType<typeof injectWireFaults>;
/** Aborts the current deadline when the given attempt of a command is made. */
let abortAt: { command: string; attempt: number; controller: AbortController } | undefined;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  wire = injectWireFaults(store);
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (abortAt && context.commandName === abortAt.command && wire.attemptsOf(abortAt.command).length + 1 >= abortAt.attempt) abortAt.controller.abort();
      return next(args);
    },
    { step: 'deserialize', priority: 'high', name: 'abortDeadlineAtAttempt' },
  );
  executor = await createCountingExecutor(store);
});
afterAll(async () => {
  await executor.stop();
  await store.drop();
});
beforeEach(() => {
  wire.reset();
  abortAt = undefined;
});

const today = () => DateTime.now().setZone('Asia/Shanghai').toISODate()!;

async function ok(query: string, variables: Record<string, unknown> = {}) {
  const result = await executor.execute(query, { variables, claims: supervisor });
  expect(result.errors).toBeUndefined();
  return result.data!;
}

test('given the report’s transaction throttled on every attempt and the deadline passing at the second, when an issue is reported, then SERVICE_UNAVAILABLE with retryAfterSeconds and nothing is written', async () => {
  const before = { total: (await ok(STATS, { day: today() })).issueStats.total, issues: (await ok(ISSUES)).issues.edges.length };
  const controller = new AbortController();
  wire.fail(TRANSACTION, throttled, 3);
  abortAt = { command: TRANSACTION, attempt: 2, controller };

  const result = await runWithDeadline(controller.signal, () => executor.execute(REPORT, { variables: REPORT_INPUT, claims: supervisor }));

  expect(result.data).toBeNull();
  expect(result.errors).toEqual([
    expect.objectContaining({ message: 'The service is busy and could not answer in time; try again later', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } }),
  ]);
  expect(wire.attemptsOf(TRANSACTION).length).toBeGreaterThanOrEqual(2);
  expect((await ok(STATS, { day: today() })).issueStats.total).toBe(before.total);
  expect((await ok(ISSUES)).issues.edges).toHaveLength(before.issues);
});

test('given a deadline that has already passed, when stations are listed, then SERVICE_UNAVAILABLE and no request reaches the wire', async () => {
  const controller = new AbortController();
  controller.abort();

  const result = await runWithDeadline(controller.signal, () => executor.execute(`{ stations(first: 3) { edges { node { id } } } }`, { claims: supervisor }));

  expect(result.errors?.map((error) => error.extensions.code)).toEqual(['SERVICE_UNAVAILABLE']);
  expect(wire.attempts).toHaveLength(0);
});

test('given a deadline not yet passed and one throttled attempt, when stations are listed, then the SDK’s retry answers in full', async () => {
  const controller = new AbortController();
  wire.fail('QueryCommand', throttled);

  const result = await runWithDeadline(controller.signal, () => executor.execute(`{ stations(first: 12) { edges { node { id } } } }`, { claims: supervisor }));

  expect(result.errors).toBeUndefined();
  expect(result.data!.stations.edges).toHaveLength(12);
  expect(wire.attemptsOf('QueryCommand')).toHaveLength(2);
});
