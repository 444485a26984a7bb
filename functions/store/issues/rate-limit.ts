import { RateLimitedError } from '../../shared/errors';
import type { Store } from '../client';
import type { GuardedWrite } from '../transact';

/**
 * A fixed one-minute window counter for public calls through a service code, written in the
 * same transaction as the report it guards: a call over the limit fails the whole transaction,
 * so nothing of it is stored. Counters expire after an hour (table TTL).
 */
export function serviceCodeRateLimit(store: Store, districtId: string, serviceCode: string, limitPerMinute: number, now: Date): GuardedWrite {
  const minute = now.toISOString().slice(0, 16);
  return {
    item: {
      Update: {
        TableName: store.tableName,
        Key: { PK: `D#${districtId}#RATE#SERVICE_CODE#${serviceCode}`, SK: `MINUTE#${minute}` },
        UpdateExpression: 'ADD #count :one SET #expires = :expires',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#expires': 'expiresAt' },
        ExpressionAttributeValues: { ':one': 1, ':limit': limitPerMinute, ':expires': Math.floor(now.getTime() / 1000) + 3600 },
      },
    },
    onConditionFailed: () =>
      new RateLimitedError(
        `Too many reports through service code ${serviceCode}: at most ${limitPerMinute} a minute`,
        60 - now.getUTCSeconds(),
      ),
  };
}
