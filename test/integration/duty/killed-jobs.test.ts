import { BatchWriteCommand, DeleteCommand, PutCommand, TransactWriteCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createServices } from '../../../functions/app/services';
import type { CompliancePublisher, NonCompliantStationsEvent } from '../../../functions/app/compliance/event-publisher';
import { runScheduledCompliance } from '../../../functions/app/compliance/scheduled-run';
import { runScheduledRoster } from '../../../functions/app/roster/scheduled-run';
import { batchWrite } from '../../../functions/store/batch-write';
import type { Store } from '../../../functions/store/client';
import { weekPartition } from '../../../functions/store/duty-keys';
import { queryAll } from '../../../functions/store/query';
import { claimsFor } from '../../support/graphql-handler';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

/**
 * The scheduled jobs killed half-way through their writes, at every write they make, then run
 * again: the week they wrote must end exactly as one clean run leaves it. (roster-storage.test.ts
 * plants a stray row by hand; this kills the real job mid-write.)
 */
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const FRIDAY_RUN = { scheduledTime: '2026-11-20T10:00:00Z' }; // Friday 18:00 in Dingnan: plans 2026-W48
const MONDAY_RUN = { scheduledTime: '2026-11-22T18:00:00Z' }; // Monday 02:00 in Dingnan: evaluates 2026-W47
const WRITES = [BatchWriteCommand, PutCommand, UpdateCommand, DeleteCommand, TransactWriteCommand];

type Item = Record<string, unknown> & { PK: string; SK: string };

class Killed extends Error {}

let store: TestStore;
let executor: CountingExecutor;
let stop: () => Promise<void>;

beforeAll(async () => {
  ({ store, executor, stop } = await seededExecutor());
});
afterAll(() => stop());

/**
 * The same table through a client that dies at its `survivingWrites + 1`-th write: a batch is
 * cut in half (its first half reaches DynamoDB), any other write never leaves. `writes` counts
 * the writes attempted, so a run without a kill measures how many a clean run makes.
 */
function dyingAfter(survivingWrites: number): { store: Store; writes: () => number } {
  const send = store.doc.send.bind(store.doc) as (command: unknown) => Promise<unknown>;
  const doc = Object.create(store.doc) as DynamoDBDocumentClient;
  let writes = 0;
  doc.send = (async (command: unknown) => {
    if (!WRITES.some((type) => command instanceof type)) return send(command);
    writes += 1;
    if (writes <= survivingWrites) return send(command);
    if (command instanceof BatchWriteCommand) {
      const requests = command.input.RequestItems![store.tableName]!;
      await send(new BatchWriteCommand({ RequestItems: { [store.tableName]: requests.slice(0, Math.ceil(requests.length / 2)) } }));
    }
    throw new Killed(`killed at write ${writes}`);
  }) as DynamoDBDocumentClient['send'];
  return { store: { doc, tableName: store.tableName, cursorKey: store.cursorKey }, writes: () => writes };
}

/** Every item of the week's partition (roster, leave, attendance, report), in key order. */
const weekItems = (week: string): Promise<Item[]> =>
  queryAll<Item>(store, { partition: { name: 'PK', value: weekPartition('dingnan', week) } });

/** Puts the week's partition back to `items` exactly. */
async function restoreWeek(week: string, items: Item[]): Promise<void> {
  const current = await weekItems(week);
  await batchWrite(store, { deletes: current.map(({ PK, SK }) => ({ PK, SK })) });
  await batchWrite(store, { puts: items });
}

const isEqual = (a: Item[], b: Item[]): boolean => JSON.stringify(a) === JSON.stringify(b);

/** A header's generatedAt is the time of the run that wrote it; everything else must match. */
const withoutRunTime = (items: Item[]): Item[] => items.map(({ generatedAt: _time, ...rest }) => rest as Item);

class RecordingPublisher implements CompliancePublisher {
  readonly events: NonCompliantStationsEvent[] = [];
  async publish(event: NonCompliantStationsEvent): Promise<void> {
    this.events.push(event);
  }
}

/**
 * From `before`, runs the job once cleanly; then, for every write of that clean run, restores
 * `before`, kills the job at that write, and runs it again. Answers the clean result, the number
 * of writes it took, every killed-then-rerun result, and how many kills left the week half-written
 * (neither as before nor as after: what the re-run had to repair).
 */
async function killAtEveryWrite(week: string, before: Item[], run: (store: Store, now: Date) => Promise<unknown>) {
  const clean = dyingAfter(Number.POSITIVE_INFINITY);
  await run(clean.store, new Date('2026-11-23T00:00:00Z'));
  const expected = await weekItems(week);
  const outcomes: { killedAt: number; items: Item[] }[] = [];
  let halfWritten = 0;
  for (let survivingWrites = 0; survivingWrites < clean.writes(); survivingWrites += 1) {
    await restoreWeek(week, before);
    await expect(run(dyingAfter(survivingWrites).store, new Date('2026-11-23T00:00:00Z'))).rejects.toBeInstanceOf(Killed);
    const killed = await weekItems(week);
    if (!isEqual(killed, before) && !isEqual(killed, expected)) halfWritten += 1;
    await run(store, new Date('2026-11-23T00:30:00Z'));
    outcomes.push({ killedAt: survivingWrites + 1, items: withoutRunTime(await weekItems(week)) });
  }
  return { expected: withoutRunTime(expected), writes: clean.writes(), outcomes, halfWritten };
}

describe('scheduled jobs killed half-way', () => {
  test('given a DRAFT roster being replaced, when the Friday job is killed at each of its writes and re-run, then the week is exactly what one clean run stores', async () => {
    await runScheduledRoster(createServices(store), 'dingnan', FRIDAY_RUN, new Date('2026-11-20T10:00:00Z'));
    const leave = await executor.execute(`mutation { addLeave(officerId: "dn-o-01-2", from: "2026-11-23", to: "2026-11-29", reason: "年假") { from } }`, { claims: supervisor });
    expect(leave.errors).toBeUndefined();
    const before = await weekItems('2026-W48');

    const { expected, writes, outcomes, halfWritten } = await killAtEveryWrite('2026-W48', before, (target, now) => runScheduledRoster(createServices(target), 'dingnan', FRIDAY_RUN, now));

    expect(writes).toBeGreaterThanOrEqual(3); // rows, header, clean-up of the old rows
    expect(halfWritten).toBeGreaterThanOrEqual(2);
    expect(expected.filter((item) => item.SK.startsWith('ROSTER#'))).toHaveLength(24);
    expect(expected.some((item) => (item.officerIds as string[] | undefined)?.includes('dn-o-01-2'))).toBe(false);
    for (const outcome of outcomes) expect(outcome).toEqual({ killedAt: outcome.killedAt, items: expected });
  });

  test('given a stored report about to be replaced, when the Monday job is killed at each of its writes and re-run, then the week is exactly what one clean run stores and the event went out', async () => {
    const session = (stationId: string, day: string, officerId: string) =>
      executor.execute(`mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
        variables: { input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId, startsAt: `${day}T09:00:00+08:00`, endsAt: `${day}T11:00:00+08:00`, officerIds: [officerId] } },
        claims: supervisor,
      });
    await session('dn-s-01', '2026-11-17', 'dn-o-01-2');
    await runScheduledCompliance(createServices(store), new RecordingPublisher(), 'dingnan', MONDAY_RUN, new Date('2026-11-22T18:00:00Z'));
    await session('dn-s-01', '2026-11-19', 'dn-o-01-2');
    const before = await weekItems('2026-W47');
    const publisher = new RecordingPublisher();

    const { expected, writes, outcomes, halfWritten } = await killAtEveryWrite('2026-W47', before, (target, now) => runScheduledCompliance(createServices(target), publisher, 'dingnan', MONDAY_RUN, now));

    expect(writes).toBeGreaterThanOrEqual(4); // rows, header, clean-up of the old rows, announcement
    expect(halfWritten).toBeGreaterThanOrEqual(2);
    const header = expected.find((item) => item.SK === 'COMPLIANCE')!;
    expect(header.announcedGeneration).toBe(header.generation);
    expect(expected.filter((item) => item.SK.startsWith(`COMPLIANCE#${String(header.generation)}#S#`))).toHaveLength(12);
    expect(expected.filter((item) => item.SK.startsWith('COMPLIANCE#') && !item.SK.startsWith(`COMPLIANCE#${String(header.generation)}#`))).toEqual([]);
    for (const outcome of outcomes) expect(outcome).toEqual({ killedAt: outcome.killedAt, items: expected });
    expect(new Set(publisher.events.map((event) => event.reportId))).toEqual(new Set([`2026-W47/${String(header.generation)}`]));
  });
});
