import type { Store } from './client';
import { decodeCursor, encodeCursor, hasExactly, keyOf, type CursorKey } from './cursor';
import { queryPage, type AttributeFilter, type KeyRange } from './query';

/** A Relay connection: one page of a list, each node with the cursor that continues after it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A page of a list as the API asks for it, with the list's typed filter. */
export interface PageArguments<F> {
  first: number;
  after?: string | null;
  /** Only items matching every given field; a null or absent field does not filter. */
  filter?: F | null;
}

export interface ConnectionQuery {
  districtId: string;
  /** Names the list in its cursors: a cursor is accepted only by the list (and district) it came from. */
  list: string;
  /** The key attributes of the table and the index read: what a cursor carries, exactly. */
  keyNames: readonly string[];
  /** Whether a cursor's key (already known to have exactly `keyNames`) lies in `range`. */
  inRange: (key: CursorKey) => boolean;
  range: KeyRange;
  filter?: AttributeFilter;
  first: number;
  after?: string | null;
}

/** One page of a Query as a connection; a cursor from another list, district or range is BAD_USER_INPUT. */
export async function queryConnection<T>(store: Store, query: ConnectionQuery): Promise<Connection<T>> {
  const { districtId, list, keyNames } = query;
  const after = query.after ? decodeCursor(query.after, districtId, list, (key) => hasExactly(key, keyNames) && query.inRange(key)) : undefined;
  const page = await queryPage<T>(store, { range: query.range, filter: query.filter, first: query.first, after });
  const edges = page.items.map((node) => ({ cursor: encodeCursor(districtId, list, keyOf(node as Record<string, unknown>, keyNames)), node }));
  return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** The connection of a list nothing can match. */
export const emptyConnection = <T>(): Connection<T> => ({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
