import { batchGetItems, itemKeyId } from './batch-get';
import type { Store } from './client';
import type { Connection } from './connection';
import type { ItemKey } from './keys';

/**
 * The table's items behind index entries, in the entries' order. Indexes project only keys and
 * the attributes their queries filter on (never personal data), so what a caller gets is read
 * from the table by key: one BatchGetItem per 100 entries. An entry whose item was deleted
 * between the two reads is left out.
 */
export async function itemsOf<T extends ItemKey>(store: Store, entries: readonly ItemKey[]): Promise<T[]> {
  if (entries.length === 0) return [];
  const found = await batchGetItems<T>(store, entries);
  return entries.map((entry) => found.get(itemKeyId(entry))).filter((item): item is T => item !== undefined);
}

/** A connection read from an index with its nodes replaced by the table's items; cursors are unchanged. */
export async function connectionOfItems<T extends ItemKey>(store: Store, connection: Connection<ItemKey>): Promise<Connection<T>> {
  const found = await batchGetItems<T>(store, connection.edges.map((edge) => edge.node));
  const edges = connection.edges.flatMap((edge) => {
    const node = found.get(itemKeyId(edge.node));
    return node ? [{ cursor: edge.cursor, node }] : [];
  });
  return { edges, pageInfo: connection.pageInfo };
}
