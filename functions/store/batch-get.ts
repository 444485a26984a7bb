import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { ItemKey } from './keys';

/** DynamoDB's BatchGetItem limit. */
export const BATCH_GET_LIMIT = 100;

export interface BatchGetOptions {
  /** Attempts for keys DynamoDB leaves unprocessed (throttling); default 8. */
  maxAttempts?: number;
  /** First backoff in ms, doubled each attempt with full jitter; default 25. */
  baseDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Reads items by key in chunks of 100, retrying UnprocessedKeys with exponential backoff.
 * Answers a map from `PK|SK` to item; missing items are simply absent.
 */
export async function batchGetItems<T extends ItemKey>(
  store: Store,
  keys: readonly ItemKey[],
  options: BatchGetOptions = {},
): Promise<Map<string, T>> {
  const maxAttempts = options.maxAttempts ?? 8;
  const baseDelayMs = options.baseDelayMs ?? 25;
  const found = new Map<string, T>();
  const unique = [...new Map(keys.map((key) => [itemKeyId(key), { PK: key.PK, SK: key.SK }])).values()];
  for (let start = 0; start < unique.length; start += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] = unique.slice(start, start + BATCH_GET_LIMIT);
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > maxAttempts) {
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${maxAttempts} attempts`);
      }
      if (attempt > 1) await sleep(Math.random() * baseDelayMs * 2 ** (attempt - 2));
      const output = await store.doc.send(
        new BatchGetCommand({ RequestItems: { [store.tableName]: { Keys: pending } } }),
      );
      for (const item of (output.Responses?.[store.tableName] ?? []) as T[]) found.set(itemKeyId(item), item);
      pending = output.UnprocessedKeys?.[store.tableName]?.Keys ?? [];
    }
  }
  return found;
}

export const itemKeyId = (key: ItemKey): string => `${key.PK}|${key.SK}`;
