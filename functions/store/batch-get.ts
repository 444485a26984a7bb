import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { backoffOf, sendUntilProcessed, type BackoffOptions } from './backoff';
import type { Store } from './client';
import type { ItemKey } from './keys';

/** DynamoDB's BatchGetItem limit. */
export const BATCH_GET_LIMIT = 100;

/**
 * Reads items by key in chunks of 100, retrying UnprocessedKeys with backoff (by default 8
 * attempts, the first retry within 25 ms). Answers a map from `PK|SK` to item; missing items
 * are simply absent.
 */
export async function batchGetItems<T extends ItemKey>(
  store: Store,
  keys: readonly ItemKey[],
  options: BackoffOptions = {},
): Promise<Map<string, T>> {
  const backoff = backoffOf(options, { maxAttempts: 8, baseDelayMs: 25 });
  const found = new Map<string, T>();
  const unique: Record<string, unknown>[] = [...new Map(keys.map((key) => [itemKeyId(key), { PK: key.PK, SK: key.SK }])).values()];
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    await sendUntilProcessed(
      unique.slice(start, start + BATCH_GET_LIMIT),
      async (pending) => {
        const output = await store.doc.send(new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending } } }));
        for (const item of (output.Responses?.[store.tableName] ?? []) as T[]) found.set(itemKeyId(item), item);
        return output.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
      },
      backoff,
      (left) => `BatchGetItem left ${left} keys unprocessed`,
    );
  }
  return found;
}

export const itemKeyId = (key: ItemKey): string => `${key.PK}|${key.SK}`;
