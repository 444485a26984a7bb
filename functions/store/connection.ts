import { createHash } from 'node:crypto';
import type { Store } from './client';
import { decodeCursor, encodeCursor, FINGERPRINT_BYTES, notACursor, type CursorContent } from './cursor';
import { keyInRange, queryPage, type AttributeFilter, type KeyRange } from './query';

/**
 * Relay's page information. Lists are forward-only: a DynamoDB Query reads one way, so they
 * page with `first` and `after` alone and `hasPreviousPage` is always false.
 */
export interface PageInfo {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

/** A Relay connection: one page of a list, each node with the cursor that continues after it. */
export interface Connection<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
}

/** A page of a list as the API asks for it, with the list's typed filter. */
export interface PageArguments<F> {
  first: number;
  after?: string | null;
  /** Only items matching every given field; a null or absent field does not filter. */
  filter?: F | null;
}

type ItemKey = Record<string, string>;

export interface ConnectionQuery {
  districtId: string;
  /** Names the list (STATION, ISSUES…); with the district, the range and the filter, what a cursor is bound to. */
  list: string;
  /** The key attributes of the table and, reading an index, of the index: what a cursor carries, in this order. */
  keyNames: readonly string[];
  /**
   * Whether a cursor's key is one of this list's items beyond lying in `range`, which is always
   * checked: reading an index, whether its table key (PK, SK) is of the list's kind.
   */
  isListKey?: (key: ItemKey) => boolean;
  range: KeyRange;
  filter?: AttributeFilter;
  /**
   * What a cursor is bound to when `range` or `filter` hold a value that changes from one request
   * to the next (the time now): the same query with that value named rather than given, so a
   * cursor outlives the instant it was made at. Default: `range` and `filter`.
   */
  boundTo?: { range: KeyRange; filter?: AttributeFilter };
  first: number;
  after?: string | null;
}

/** DynamoDB's limit for a sort key (a partition key may be twice as long; none of ours comes close). */
const MAX_KEY_BYTES = 1_024;

/**
 * One page of a Query as a connection. Each cursor is bound to the whole request: district,
 * list, index and partition, key range, filter and order, through a fingerprint of them sealed
 * inside it. A cursor of any other request (another filter, list or district), or whose key
 * could not have come from this one (an empty or out-of-range key), is BAD_USER_INPUT before
 * DynamoDB is asked; the key is read only when a cursor is opened or written.
 */
export async function queryConnection<T>(store: Store, query: ConnectionQuery): Promise<Connection<T>> {
  const fingerprint = fingerprintOf(query);
  const after = query.after ? startKeyOf(query, fingerprint, decodeCursor(await store.cursorKey.aesKey(), query.after)) : undefined;
  const page = await queryPage<T>(store, { range: query.range, filter: query.filter, first: query.first, after });
  const key = page.items.length > 0 ? await store.cursorKey.aesKey() : undefined;
  const edges = page.items.map((node) => {
    const values = query.keyNames.map((name) => String((node as Record<string, unknown>)[name]));
    return { cursor: encodeCursor(key!, { fingerprint, values }), node };
  });
  return { edges, pageInfo: pageInfoOf(edges, page.hasNextPage) };
}

/** The connection of a list nothing can match. */
export const emptyConnection = <T>(): Connection<T> => ({ edges: [], pageInfo: pageInfoOf([], false) });

const pageInfoOf = (edges: { cursor: string }[], hasNextPage: boolean): PageInfo => ({
  hasNextPage,
  hasPreviousPage: false,
  startCursor: edges[0]?.cursor ?? null,
  endCursor: edges.at(-1)?.cursor ?? null,
});

/** The start key a cursor names, if it was made by this very request and names a key it could have read. */
function startKeyOf(query: ConnectionQuery, fingerprint: Buffer, content: CursorContent): ItemKey {
  const { values } = content;
  if (!content.fingerprint.equals(fingerprint) || values.length !== query.keyNames.length) throw notACursor();
  if (!values.every((value) => value.length > 0 && Buffer.byteLength(value, 'utf8') <= MAX_KEY_BYTES)) throw notACursor();
  const key = Object.fromEntries(query.keyNames.map((name, index) => [name, values[index]!]));
  if (!keyInRange(query.range, key) || (query.isListKey && !query.isListKey(key))) throw notACursor();
  return key;
}

/** A digest of everything that decides which items a request reads and in which order (not `first`, nor `after` itself). */
function fingerprintOf(query: ConnectionQuery): Buffer {
  const { range, filter } = query.boundTo ?? query;
  const request = { version: 1, districtId: query.districtId, list: query.list, keyNames: query.keyNames, range, filter: filter ?? null };
  return createHash('sha256').update(JSON.stringify(canonical(request))).digest().subarray(0, FINGERPRINT_BYTES);
}

/** The value with every object's keys in sorted order, so equal requests serialize alike. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(object).sort().map((name) => [name, canonical(object[name])]));
}
