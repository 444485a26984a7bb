import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { backoffOf, sendUntilProcessed, type BackoffOptions } from './backoff';
import type { Store } from './client';
import type { ItemKey } from './keys';

/** DynamoDB's BatchWriteItem limit. */
export const BATCH_WRITE_LIMIT = 25;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: ItemKey } };

/**
 * Unconditional puts and deletes in chunks of 25, retrying UnprocessedItems with backoff (by
 * default 8 attempts, the first retry within 25 ms). Only for writes that are idempotent on
 * their own (content-addressed items, clean-up of superseded ones): BatchWriteItem has no
 * conditions.
 */
export async function batchWrite(
  store: Store,
  writes: { puts?: Record<string, unknown>[]; deletes?: ItemKey[] },
  options: BackoffOptions = {},
): Promise<void> {
  const backoff = backoffOf(options, { maxAttempts: 8, baseDelayMs: 25 });
  const requests: WriteRequest[] = [
    ...(writes.puts ?? []).map((Item) => ({ PutRequest: { Item } })),
    ...(writes.deletes ?? []).map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
  ];
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    await sendUntilProcessed(
      requests.slice(start, start + BATCH_WRITE_LIMIT),
      async (pending) => {
        const output = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
        return (output.UnprocessedItems?.[store.tableName] ?? []) as WriteRequest[];
      },
      backoff,
      (left) => `BatchWriteItem left ${left} writes unprocessed`,
    );
  }
}
