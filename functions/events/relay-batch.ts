import type { DomainEvent } from '../domain/events/domain-event';
import type { EventPublisher } from './event-publisher';
import { readRecord, type OutboxStreamRecord } from './stream-records';

/** EventBridge takes at most 10 entries per PutEvents call. */
export const PUBLISH_CHUNK = 10;

export interface RelayOutcome {
  /** How many records were published (duplicates in the batch counted once). */
  published: number;
  /** The sequence number of the first record not delivered: the stream resumes there. Absent when all were. */
  failedAt?: string;
  /** Why that record failed. */
  problem?: string;
}

/**
 * Publishes one batch of stream records in stream order. An event id seen twice in the batch is
 * published once. At the first record that cannot be published the batch stops: that record and
 * everything after it are retried from there (Lambda's partial batch response, the local
 * consumer's checkpoint), so order within a shard holds and nothing is skipped. Records before it
 * may be published again only if the consumer dies before it records its progress: delivery is
 * at least once, and consumers de-duplicate by event id.
 */
export async function relayBatch(records: readonly OutboxStreamRecord[], publisher: EventPublisher): Promise<RelayOutcome> {
  const seen = new Set<string>();
  let published = 0;
  let pending: { sequenceNumber: string; event: DomainEvent }[] = [];

  const flush = async (): Promise<RelayOutcome | undefined> => {
    const chunk = pending;
    pending = [];
    if (chunk.length === 0) return undefined;
    const { failedIds } = await publisher.publish(chunk.map((entry) => entry.event));
    const failed = new Set(failedIds);
    const firstFailed = chunk.findIndex((entry) => failed.has(entry.event.id));
    if (firstFailed < 0) {
      published += chunk.length;
      return undefined;
    }
    published += firstFailed;
    return { published, failedAt: chunk[firstFailed]!.sequenceNumber, problem: `the publisher refused event ${chunk[firstFailed]!.event.id}` };
  };

  for (const record of records) {
    const read = readRecord(record);
    if (!read.event) return (await flush()) ?? { published, failedAt: read.sequenceNumber, problem: read.problem };
    if (seen.has(read.event.id)) continue;
    seen.add(read.event.id);
    pending.push({ sequenceNumber: read.sequenceNumber, event: read.event });
    if (pending.length === PUBLISH_CHUNK) {
      const stopped = await flush();
      if (stopped) return stopped;
    }
  }
  return (await flush()) ?? { published };
}
