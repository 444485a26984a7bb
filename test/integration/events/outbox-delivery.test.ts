import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent } from '../../../functions/domain/events/domain-event';
import type { EventPublisher } from '../../../functions/events/event-publisher';
import { LocalEventSink } from '../../../functions/local/events/local-event-sink';
import { LocalStreamConsumer } from '../../../functions/local/events/local-stream-consumer';
import type { OutboxItem } from '../../../functions/store/outbox';
import { partitionPrefix, queryAll } from '../../../functions/store/query';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { CLOSE, INSIDE_DN_01_1, REPORT, RESOLVE, START } from '../../support/issue-operations';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

jest.setTimeout(180_000);

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const leader = claimsFor('dingnan', 'OFFICER', 'dn-o-01-1');
const admin = claimsFor('dingnan', 'ADMIN');
const UPDATE_STATION = `mutation U($input: UpdateStationInput!) { updateStation(input: $input) { id version } }`;

/** Stands for a consumer process killed mid-batch: after `survives` events it dies, before recording its position. */
class KilledMidBatch implements EventPublisher {
  private delivered = 0;
  constructor(
    private readonly sink: LocalEventSink,
    private readonly survives: number,
  ) {}
  async publish(events: readonly DomainEvent[]): Promise<{ failedIds: string[] }> {
    const room = this.survives - this.delivered;
    if (room < events.length) {
      await this.sink.publish(events.slice(0, Math.max(room, 0)));
      throw new Error('killed');
    }
    this.delivered += events.length;
    return this.sink.publish(events);
  }
}

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let folder: string;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
  folder = mkdtempSync(join(tmpdir(), 'ccs-events-'));
});
afterAll(async () => {
  await store.drop();
  rmSync(folder, { recursive: true, force: true });
});

const run = (document: string, variables: Record<string, unknown>, claims: Record<string, string>) => callGraphql(handler, document, { variables, claims });
const committedEvents = async () => (await queryAll<OutboxItem>(store, partitionPrefix('D#dingnan#OUTBOX', 'OUTBOX#'))).map((item) => item.event);
const consumer = (publisher: EventPublisher) =>
  new LocalStreamConsumer({ endpoint: store.endpoint, tableName: store.tableName, publisher, checkpointFile: join(folder, 'position.json') });
const logged = (file: string): DomainEvent[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as DomainEvent);

describe('domain events from the outbox', () => {
  test('given committed steps and steps refused by a stale expectedVersion, when the consumer is killed mid-batch and restarted, then every committed change is delivered, none twice after de-duplication by id, none for a refused step', async () => {
    const reported = await run(REPORT, { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1, reporterContact: '13800000000' } }, supervisor);
    const issue = reported.data!.reportIssue.issue;
    const steps = [
      await run(START, { id: issue.id, expectedVersion: 1 }, leader),
      await run(RESOLVE, { id: issue.id, expectedVersion: 1 }, leader),
      await run(RESOLVE, { id: issue.id, expectedVersion: 2, note: '已更换井盖' }, leader),
      await run(CLOSE, { id: issue.id, expectedVersion: 1, satisfaction: 'SATISFIED' }, supervisor),
      await run(CLOSE, { id: issue.id, satisfaction: 'SATISFIED' }, supervisor),
      await run(UPDATE_STATION, { input: { id: 'dn-s-01', name: '新的名字', expectedVersion: 99 } }, admin),
      await run(UPDATE_STATION, { input: { id: 'dn-s-01', address: '新的地址' } }, admin),
    ];
    expect(steps.map((step) => codesOf(step)[0] ?? 'OK')).toEqual(['OK', 'CONFLICT', 'OK', 'CONFLICT', 'OK', 'CONFLICT', 'OK']);

    const committed = await committedEvents();
    const ofIssue = committed.filter((event) => event.subject.id === issue.id).sort((a, b) => a.sequence - b.sequence);
    expect(ofIssue.map((event) => `${event.type}@${event.sequence}`)).toEqual(['issue.reported@1', 'issue.started@2', 'issue.resolved@3', 'issue.closed@4']);
    const ofStation = committed.filter((event) => event.subject.id === 'dn-s-01').sort((a, b) => a.sequence - b.sequence);
    expect(ofStation.map((event) => `${event.type}@${event.sequence}`)).toEqual(['station.created@1', 'station.updated@2']);

    const log = join(folder, 'events.jsonl');
    await expect(consumer(new KilledMidBatch(new LocalEventSink(log), 25)).drain()).rejects.toThrow('killed');
    expect(new Set(logged(log).map((event) => event.id)).size).toBeLessThan(committed.length);

    const restarted = consumer(new LocalEventSink(log));
    await restarted.drain();
    await restarted.drain();
    await restarted.stop();

    const delivered = logged(log);
    const byId = new Map(delivered.map((event) => [event.id, event]));
    expect([...byId.keys()].sort()).toEqual(committed.map((event) => event.id).sort());
    for (const event of committed) expect(byId.get(event.id)).toEqual(event);
    const issueOrder = delivered.filter((event) => event.subject.id === issue.id).map((event) => event.sequence);
    expect([...new Set(issueOrder)]).toEqual([1, 2, 3, 4]);
  });

  test('given a delivered stream, when the consumer starts again from its position, then it publishes nothing more', async () => {
    const again = consumer(new LocalEventSink(join(folder, 'again.jsonl')));
    expect(await again.drain()).toBe(0);
    await again.stop();
  });

  test('given an issue event, when read, then it carries ids and public facts but not the reporter\'s contact or words', async () => {
    const reported = (await committedEvents()).find((event) => event.type === 'issue.reported')!;
    expect(reported).toMatchObject({ districtId: 'dingnan', subject: { type: 'Issue' }, sequence: 1, version: 1 });
    expect(reported.occurredAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$/);
    const text = JSON.stringify(reported);
    expect(text).not.toContain('13800000000');
    expect(text).not.toContain('井盖破损');
  });
});
