import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { domainEventSchema, type DomainEvent } from '../domain/events/domain-event';

/** The part of a DynamoDB stream record the consumer reads, the same from Lambda and from the Streams API. */
export interface OutboxStreamRecord {
  eventName?: string;
  dynamodb?: { SequenceNumber?: string; NewImage?: Record<string, unknown> };
}

export type ReadRecord = { sequenceNumber: string; event: DomainEvent } | { sequenceNumber: string; event?: undefined; problem: string };

/**
 * The event an outbox item's new image carries. A record without one (not an insert, not an
 * outbox item, a malformed event) answers a problem instead: the consumer reports it as a failure,
 * so it ends in the dead-letter queue after the retries rather than being skipped silently.
 */
export function readRecord(record: OutboxStreamRecord): ReadRecord {
  const sequenceNumber = record.dynamodb?.SequenceNumber ?? '';
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return { sequenceNumber, problem: `not an outbox insert (${record.eventName ?? 'no event name'})` };
  const item = unmarshall(image as Record<string, AttributeValue>);
  const parsed = domainEventSchema.safeParse(item.event);
  if (!parsed.success) return { sequenceNumber, problem: `not a domain event: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}` };
  return { sequenceNumber, event: parsed.data };
}
