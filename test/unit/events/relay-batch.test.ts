import { marshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '../../../functions/domain/events/domain-event';
import { issueStepEvent } from '../../../functions/domain/events/issue-events';
import type { EventPublisher } from '../../../functions/events/event-publisher';
import { relayBatch } from '../../../functions/events/relay-batch';
import type { OutboxStreamRecord } from '../../../functions/events/stream-records';
import { outboxItem } from '../../../functions/store/outbox';

const eventAt = (version: number): DomainEvent =>
  issueStepEvent(
    {
      districtId: 'dingnan',
      id: 'issue-1',
      version,
      status: 'ASSIGNED',
      category: 'OTHER',
      priority: 'NORMAL',
      source: 'PATROL',
      resolvedOnSite: false,
      reopenCount: 0,
      reportedAt: '2026-11-23T01:00:00.000Z',
      dueAt: '2026-11-26T01:00:00.000Z',
    },
    { action: 'ASSIGN', fromStatus: 'REPORTED', at: '2026-11-23T01:00:00.000Z', timezone: 'Asia/Shanghai' },
  );

const recordOf = (event: DomainEvent, sequenceNumber: string, eventName = 'INSERT'): OutboxStreamRecord => ({
  eventName,
  dynamodb: { SequenceNumber: sequenceNumber, NewImage: marshall(outboxItem(event)) as Record<string, unknown> },
});

/** A publisher that records what it got and refuses the ids it is told to. */
function publisher(refuse: string[] = []): EventPublisher & { published: string[]; calls: number } {
  const fake = {
    published: [] as string[],
    calls: 0,
    async publish(events: readonly DomainEvent[]) {
      fake.calls += 1;
      const failedIds = events.filter((event) => refuse.includes(event.id)).map((event) => event.id);
      fake.published.push(...events.filter((event) => !refuse.includes(event.id)).map((event) => event.id));
      return { failedIds };
    },
  };
  return fake;
}

describe('relayBatch', () => {
  test('given 25 outbox inserts, when relayed, then each is published once in stream order in calls of at most 10', async () => {
    const events = Array.from({ length: 25 }, (_, index) => eventAt(index + 1));
    const target = publisher();

    const outcome = await relayBatch(events.map((event, index) => recordOf(event, String(100 + index))), target);

    expect(outcome).toEqual({ published: 25 });
    expect(target.published).toEqual(events.map((event) => event.id));
    expect(target.calls).toBe(3);
  });

  test('given the same event twice in a batch (a redelivery), when relayed, then it is published once', async () => {
    const event = eventAt(1);
    const target = publisher();

    expect(await relayBatch([recordOf(event, '1'), recordOf(event, '2')], target)).toEqual({ published: 1 });
    expect(target.published).toEqual([event.id]);
  });

  test('given a publisher that refuses the third event, when relayed, then the batch stops there and names its sequence number for the retry', async () => {
    const events = [1, 2, 3, 4].map(eventAt);
    const target = publisher([events[2]!.id]);

    const outcome = await relayBatch(events.map((event, index) => recordOf(event, String(index + 1))), target);

    expect(outcome).toMatchObject({ published: 2, failedAt: '3' });
    expect(target.published).toEqual([events[0]!.id, events[1]!.id, events[3]!.id]);
  });

  test('given a record that is not an outbox insert, when relayed, then what came before is published and the record is reported as failed', async () => {
    const target = publisher();

    const outcome = await relayBatch([recordOf(eventAt(1), '1'), recordOf(eventAt(2), '2', 'MODIFY')], target);

    expect(outcome).toMatchObject({ published: 1, failedAt: '2', problem: 'not an outbox insert (MODIFY)' });
  });

  test('given an outbox item whose event lacks its type, when relayed, then it is reported as failed, naming the field', async () => {
    const { type: _type, ...broken } = eventAt(1);
    const record: OutboxStreamRecord = { eventName: 'INSERT', dynamodb: { SequenceNumber: '7', NewImage: marshall({ event: broken }) as Record<string, unknown> } };

    expect(await relayBatch([record], publisher())).toEqual({ published: 0, failedAt: '7', problem: 'not a domain event: type' });
  });
});
