import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { ItemKey } from './keys';

/** DynamoDB's BatchWriteItem limit. */
export const BATCH_WRITE_LIMIT = 25;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: ItemKey } };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Unconditional puts and deletes in chunks of 25, retrying UnprocessedItems with exponential
 * backoff. Only for writes that are idempotent on their own (content-addressed items, clean-up
 * of superseded ones): BatchWriteItem has no conditions.
 */
export async function batchWrite(
  store: Store,
  writes: { puts?: Record<string, unknown>[]; deletes?: ItemKey[] },
  options: { maxAttempts?: number; baseDelayMs?: number } = {},
): Promise<void> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 25;
  const requests: WriteRequest[] = [
    ...(writes.puts ?? []).map((Item) => ({ PutRequest: { Item } })),
    ...(writes.deletes ?? []).map((key) => ({ DeleteRequest: { Key: { PK: key.PK, SK: key.SK } } })),
  ];
  for (let start = 0; start < requests.length; start += BATCH_WRITE_LIMIT) {
    let pending = requests.slice(start, start + BATCH_WRITE_LIMIT);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > maxAttempts) throw new Error(`BatchWriteItem left ${pending.length} writes unprocessed after ${maxAttempts} attempts`);
      if (attempt > 1) await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 2));
      const output = await store.doc.send(new BatchWriteCommand({ RequestItems: { [store.tableName]: pending } }));
      pending = (output.UnprocessedItems?.[store.tableName] ?? []) as WriteRequest[];
    }
  }
}
