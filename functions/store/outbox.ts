import type { DomainEvent } from '../domain/events/domain-event';
import { ConflictError } from '../shared/errors';
import type { Store } from './client';
import { districtPartition, type ItemKey } from './keys';
import type { GuardedWrite } from './transact';

/**
 * Outbox items: one per committed change, written in the change's own transaction, read only by
 * the table's stream (functions/events). The stream consumer's filter selects them by this
 * sort-key prefix, which no other item uses.
 */
export const OUTBOX_SORT_KEY_PREFIX = 'OUTBOX#';

/** Days an outbox item stays in the table; the stream has delivered it long before (24 h retention). */
export const OUTBOX_RETENTION_DAYS = 7;

export interface OutboxItem extends ItemKey {
  type: 'OUTBOX';
  event: DomainEvent;
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: number;
}

/** The district's outbox partition, apart from its reference data so a busy outbox never shares their partition. */
export const outboxKey = (districtId: string, eventId: string): ItemKey => ({
  PK: `${districtPartition(districtId)}#OUTBOX`,
  SK: `${OUTBOX_SORT_KEY_PREFIX}${eventId}`,
});

export function outboxItem(event: DomainEvent, retentionDays = OUTBOX_RETENTION_DAYS): OutboxItem {
  const expiresAt = Math.floor(Date.parse(event.occurredAt) / 1000) + retentionDays * 86_400;
  return { ...outboxKey(event.districtId, event.id), type: 'OUTBOX', event, expiresAt };
}

/**
 * The transaction write of an event. Unconditional: the change it rides with is guarded by the
 * subject's version, and the event id names that version, so an item already under this id can
 * only be the same event written again (a job re-run after a crash); its stream record is a
 * MODIFY, which the relay ignores.
 */
export function outboxWrite(store: Store, event: DomainEvent): GuardedWrite {
  return {
    item: { Put: { TableName: store.tableName, Item: outboxItem(event) } },
    onConditionFailed: (options) => new ConflictError(`${event.subject.type} ${event.subject.id} was changed concurrently; read it again and retry`, options),
  };
}
