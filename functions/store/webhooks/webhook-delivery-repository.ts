import { connectionOfItems } from '../index-items';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import { batchGetItems } from '../batch-get';
import type { Store } from '../client';
import { queryConnection, type Connection } from '../connection';
import { queryPage, updateExpression } from '../query';
import { DEAD_INDEX, deadPartition, deliveryKey, DUE_INDEX, duePartition, indexSortKey, isDeliveryKey } from './webhook-keys';

interface DeliveryItem extends WebhookDelivery {
  PK: string;
  SK: string;
  GSI6PK?: string;
  GSI6SK?: string;
  GSI7PK?: string;
  GSI7SK?: string;
}

const deliveryOf = (item: DeliveryItem): WebhookDelivery => {
  const { PK: _pk, SK: _sk, GSI6PK: _a, GSI6SK: _b, GSI7PK: _c, GSI7SK: _d, ...delivery } = item;
  return delivery;
};

const dueEntry = (delivery: { districtId: string; endpointId: string; eventId: string }, at: string) => ({
  GSI7PK: duePartition(delivery.districtId),
  GSI7SK: indexSortKey(at, delivery.endpointId, delivery.eventId),
});

/** How long a claimed delivery is kept from other sweepers: longer than one attempt can take, short enough that a crashed worker's claim soon lapses. */
export const CLAIM_MS = 5 * 60 * 1000;

/**
 * Deliveries, one item per (endpoint, event). Every change after creation is conditional on the
 * state it was read in (status and attempts), so two workers never both record an attempt:
 * a worker first claims a due delivery (one conditional update), then records the outcome of
 * the attempt it made under that claim.
 */
export class WebhookDeliveryRepository {
  constructor(private readonly store: Store) {}

  /** Creates the delivery, due now; false if this event already has one for this endpoint (nothing is written). */
  async createIfNew(delivery: WebhookDelivery): Promise<boolean> {
    const item: DeliveryItem = { ...deliveryKey(delivery.districtId, delivery.endpointId, delivery.eventId), ...delivery, ...dueEntry(delivery, delivery.nextAttemptAt!) };
    try {
      await this.store.doc.send(new PutCommand({ TableName: this.store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(districtId: string, endpointId: string, eventId: string): Promise<WebhookDelivery | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: deliveryKey(districtId, endpointId, eventId), ConsistentRead: true }));
    return output.Item && deliveryOf(output.Item as DeliveryItem);
  }

  /**
   * PENDING deliveries due by `now`, oldest first: a Query of the due index for keys, then the
   * items themselves by key (so whatever the index projects, the whole delivery is read).
   */
  async listDue(districtId: string, now: Date, limit: number): Promise<WebhookDelivery[]> {
    const page = await queryPage<DeliveryItem>(this.store, {
      range: { indexName: DUE_INDEX, partition: { name: 'GSI7PK', value: duePartition(districtId) }, sort: { name: 'GSI7SK', below: `${now.toISOString()}$` } },
      first: limit,
    });
    const items = await batchGetItems<DeliveryItem>(this.store, page.items.map((item) => ({ PK: item.PK, SK: item.SK })));
    return page.items.flatMap((key) => {
      const item = items.get(`${key.PK}|${key.SK}`);
      return item && item.status === 'PENDING' ? [deliveryOf(item)] : [];
    });
  }

  /**
   * Claims a PENDING delivery for one attempt: counts the attempt and moves its due time past the
   * claim, so no other worker takes it meanwhile and a crashed worker's delivery comes due again.
   * Answers the claimed delivery, or undefined if another worker got there first.
   */
  async claim(delivery: WebhookDelivery, now: Date): Promise<WebhookDelivery | undefined> {
    const leaseEnd = new Date(now.getTime() + CLAIM_MS).toISOString();
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: deliveryKey(delivery.districtId, delivery.endpointId, delivery.eventId),
          ...updateExpression(
            { set: { nextAttemptAt: leaseEnd, lastAttemptAt: now.toISOString(), ...dueEntry(delivery, leaseEnd) }, add: { attempts: 1 } },
            {
              expression: '#status = :pending AND attempts = :attempts',
              names: { '#status': 'status' },
              values: { ':pending': 'PENDING', ':attempts': delivery.attempts },
            },
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return deliveryOf(output.Attributes as DeliveryItem);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** The claimed attempt succeeded. */
  markDelivered(claimed: WebhookDelivery, at: string): Promise<void> {
    return this.afterAttempt(claimed, { status: 'DELIVERED', deliveredAt: at, nextAttemptAt: undefined, lastError: undefined, GSI7PK: undefined, GSI7SK: undefined });
  }

  /** The claimed attempt failed and another comes at `next`. */
  scheduleRetry(claimed: WebhookDelivery, next: string, error: string): Promise<void> {
    return this.afterAttempt(claimed, { nextAttemptAt: next, lastError: error, ...dueEntry(claimed, next) });
  }

  /** The claimed attempt was the last, or the endpoint is gone or disabled: the delivery is a dead letter. */
  park(claimed: WebhookDelivery, at: string, error: string): Promise<void> {
    return this.afterAttempt(claimed, {
      status: 'DEAD',
      deadAt: at,
      lastError: error,
      nextAttemptAt: undefined,
      GSI7PK: undefined,
      GSI7SK: undefined,
      GSI6PK: deadPartition(claimed.districtId),
      GSI6SK: indexSortKey(at, claimed.endpointId, claimed.eventId),
    });
  }

  /** A dead letter, newest first: one page of the dead index. */
  async listDead(districtId: string, page: { first: number; after?: string | null }): Promise<Connection<WebhookDelivery>> {
    // The index holds keys only (functions/store/table-definition.ts): the page's items are read by key.
    const keys = await queryConnection<DeliveryItem>(this.store, {
      districtId,
      list: 'WEBHOOK_DEAD_LETTERS',
      keyNames: ['PK', 'SK', 'GSI6PK', 'GSI6SK'],
      isListKey: isDeliveryKey,
      range: { indexName: DEAD_INDEX, partition: { name: 'GSI6PK', value: deadPartition(districtId) }, descending: true },
      first: page.first,
      after: page.after,
    });
    const connection = await connectionOfItems<DeliveryItem>(this.store, keys);
    return { ...connection, edges: connection.edges.map((edge) => ({ ...edge, node: deliveryOf(edge.node) })) };
  }

  /**
   * Makes a dead letter PENDING again, due `at`, with a fresh set of retries. Answers the
   * delivery, or undefined if it is not (or no longer) dead: replaying twice creates no second attempt run.
   */
  async replay(districtId: string, endpointId: string, eventId: string, at: string): Promise<WebhookDelivery | undefined> {
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: deliveryKey(districtId, endpointId, eventId),
          ...updateExpression(
            {
              set: {
                status: 'PENDING',
                attempts: 0,
                nextAttemptAt: at,
                deadAt: undefined,
                GSI6PK: undefined,
                GSI6SK: undefined,
                ...dueEntry({ districtId, endpointId, eventId }, at),
              },
            },
            { expression: '#status = :dead', names: { '#status': 'status' }, values: { ':dead': 'DEAD' } },
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return deliveryOf(output.Attributes as DeliveryItem);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  /** Records what came of a claimed attempt, only if the delivery is still under that claim. */
  private async afterAttempt(claimed: WebhookDelivery, set: Record<string, unknown>): Promise<void> {
    try {
      await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: deliveryKey(claimed.districtId, claimed.endpointId, claimed.eventId),
          ...updateExpression(
            { set },
            {
              expression: '#status = :pending AND attempts = :attempts AND nextAttemptAt = :claimedUntil',
              names: { '#status': 'status' },
              values: { ':pending': 'PENDING', ':attempts': claimed.attempts, ':claimedUntil': claimed.nextAttemptAt },
            },
          ),
        }),
      );
    } catch (error) {
      // The claim lapsed and another worker took the delivery: its record wins.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }
}
