import type { TransactItem } from '../../functions/store/transact';
import { attributeSize, itemSize, readUnits, valueSize, writeUnits } from './item-size';

/** DynamoDB's published per-partition ceilings (on-demand or provisioned alike). */
export const PARTITION_LIMITS = { writeUnitsPerSecond: 1_000, readUnitsPerSecond: 3_000 } as const;
/** The largest item DynamoDB stores. */
export const ITEM_SIZE_LIMIT = 400 * 1024;

/**
 * Our bar for transaction conflicts on one item (DynamoDB publishes none: two transactions on
 * one item at once cancel one of them). transactWrite retries a conflict 3 times with backoff, so
 * a conflict a second on an item means one retry a second; 1/s keeps the retries rare.
 */
export const CONFLICTS_PER_ITEM_PER_SECOND = 1;

export interface PartitionPeak {
  /** `table` or the index name. */
  index: string;
  partition: string;
  peakWriteUnits: number;
  peakReadUnits: number;
  /** Start of the peak second, ms since the epoch. */
  peakAtMs: number;
  writes: number;
}

export interface ItemPeak {
  item: string;
  peakTransactions: number;
  peakConflicts: number;
  peakAtMs: number;
  transactions: number;
  bytes: number;
}

export interface LoadReport {
  transactions: number;
  partitions: PartitionPeak[];
  items: ItemPeak[];
}

/** What the simulation keeps of an item: its size and index keys, its attribute sizes once it is updated. */
interface ItemState {
  bytes: number;
  indexKeys: Map<string, string>;
  /** The item as put, until an update needs its attribute sizes (most items are never updated). */
  put?: Record<string, unknown>;
  attributes?: Map<string, number>;
  numbers?: Map<string, number>;
}

interface Window {
  second: number;
  write: number;
  read: number;
}

interface PartitionState extends PartitionPeak {
  window: Window;
}

interface ItemCounter extends ItemPeak {
  busyUntil: number;
  second: number;
  inSecond: number;
  conflictsInSecond: number;
}

const INDEX_NAMES = [1, 2, 3, 4, 5, 6, 7].map((n) => `GSI${n}`);

/**
 * The load a sequence of transactions puts on each partition and each item, computed from the
 * requests themselves (their keys, expressions and values), with no DynamoDB: per partition key
 * of the table and of every index, the peak write and read units in one second; per item, the
 * peak transactions and conflicts in one second, a transaction holding its items for
 * `transactionMs` (an overlapping one on the same item conflicts).
 */
export class PartitionLoad {
  private readonly states = new Map<string, ItemState>();
  private readonly partitions = new Map<string, PartitionState>();
  private readonly items = new Map<string, ItemCounter>();
  private transactions = 0;

  constructor(private readonly options: { transactionMs: number }) {}

  transaction(atMs: number, items: readonly TransactItem[]): void {
    this.transactions += 1;
    for (const item of items) this.apply(atMs, item);
  }

  report(): LoadReport {
    const partitions = [...this.partitions.values()].map((state) => {
      this.close(state, Number.POSITIVE_INFINITY);
      const { window: _window, ...peak } = state;
      return peak;
    });
    const items = [...this.items.values()].map((counter) => {
      this.closeItem(counter, Number.POSITIVE_INFINITY);
      const { busyUntil: _busy, second: _second, inSecond: _in, conflictsInSecond: _conflicts, ...peak } = counter;
      return { ...peak, bytes: this.states.get(counter.item)?.bytes ?? 0 };
    });
    return {
      transactions: this.transactions,
      partitions: partitions.sort((a, b) => b.peakWriteUnits - a.peakWriteUnits || b.peakReadUnits - a.peakReadUnits),
      items: items.sort((a, b) => b.peakConflicts - a.peakConflicts || b.peakTransactions - a.peakTransactions),
    };
  }

  private apply(atMs: number, item: TransactItem): void {
    if (item.Put) {
      const values = item.Put.Item as Record<string, unknown>;
      const id = itemId(values);
      const before = this.states.get(id);
      const state: ItemState = { bytes: itemSize(values), indexKeys: indexKeysOf(values), put: values };
      this.states.set(id, state);
      this.written(atMs, id, values.PK as string, before && { bytes: before.bytes, indexKeys: before.indexKeys }, state);
    } else if (item.Update) {
      const key = item.Update.Key as Record<string, unknown>;
      const id = itemId(key);
      const state = this.states.get(id) ?? { bytes: 0, indexKeys: new Map(), attributes: new Map() };
      const before = state.bytes > 0 ? { bytes: state.bytes, indexKeys: new Map(state.indexKeys) } : undefined;
      applyUpdate(state, item.Update);
      this.states.set(id, state);
      this.written(atMs, id, key.PK as string, before, state);
    } else if (item.ConditionCheck) {
      const key = item.ConditionCheck.Key as Record<string, unknown>;
      const id = itemId(key);
      this.count(atMs, 'table', key.PK as string, 0, readUnits(this.states.get(id)?.bytes ?? 1, true));
      this.touch(atMs, id);
    } else {
      throw new Error('the simulation knows Put, Update and ConditionCheck only');
    }
  }

  private written(atMs: number, id: string, partition: string, before: Pick<ItemState, 'bytes' | 'indexKeys'> | undefined, after: ItemState): void {
    this.count(atMs, 'table', partition, writeUnits(Math.max(before?.bytes ?? 0, after.bytes), true), 0);
    this.touch(atMs, id);
    for (const index of INDEX_NAMES) {
      const from = before?.indexKeys.get(index);
      const to = after.indexKeys.get(index);
      if (from !== undefined && from !== to) this.count(atMs, index, from, writeUnits(before!.bytes, false), 0);
      if (to !== undefined) this.count(atMs, index, to, writeUnits(after.bytes, false), 0);
    }
  }

  private count(atMs: number, index: string, partition: string, write: number, read: number): void {
    const key = `${index} ${partition}`;
    let state = this.partitions.get(key);
    const second = Math.floor(atMs / 1000);
    if (!state) {
      state = { index, partition, peakWriteUnits: 0, peakReadUnits: 0, peakAtMs: atMs, writes: 0, window: { second, write: 0, read: 0 } };
      this.partitions.set(key, state);
    }
    this.close(state, second);
    state.window.write += write;
    state.window.read += read;
    if (write > 0) state.writes += 1;
  }

  private close(state: PartitionState, second: number): void {
    if (state.window.second === second) return;
    if (state.window.write > state.peakWriteUnits || state.window.read > state.peakReadUnits) {
      state.peakWriteUnits = Math.max(state.peakWriteUnits, state.window.write);
      state.peakReadUnits = Math.max(state.peakReadUnits, state.window.read);
      state.peakAtMs = state.window.second * 1000;
    }
    state.window = { second, write: 0, read: 0 };
  }

  private touch(atMs: number, id: string): void {
    let counter = this.items.get(id);
    const second = Math.floor(atMs / 1000);
    if (!counter) {
      counter = { item: id, peakTransactions: 0, peakConflicts: 0, peakAtMs: atMs, transactions: 0, bytes: 0, busyUntil: 0, second, inSecond: 0, conflictsInSecond: 0 };
      this.items.set(id, counter);
    }
    this.closeItem(counter, second);
    counter.transactions += 1;
    counter.inSecond += 1;
    if (atMs < counter.busyUntil) counter.conflictsInSecond += 1;
    counter.busyUntil = Math.max(counter.busyUntil, atMs + this.options.transactionMs);
  }

  private closeItem(counter: ItemCounter, second: number): void {
    if (counter.second === second) return;
    if (counter.conflictsInSecond > counter.peakConflicts || (counter.conflictsInSecond === counter.peakConflicts && counter.inSecond > counter.peakTransactions)) {
      counter.peakAtMs = counter.second * 1000;
    }
    counter.peakConflicts = Math.max(counter.peakConflicts, counter.conflictsInSecond);
    counter.peakTransactions = Math.max(counter.peakTransactions, counter.inSecond);
    counter.second = second;
    counter.inSecond = 0;
    counter.conflictsInSecond = 0;
  }
}

const itemId = (key: Record<string, unknown>): string => `${key.PK as string} ${key.SK as string}`;

function indexKeysOf(values: Record<string, unknown>): Map<string, string> {
  const keys = new Map<string, string>();
  for (const index of INDEX_NAMES) {
    const value = values[`${index}PK`];
    if (typeof value === 'string') keys.set(index, value);
  }
  return keys;
}

type UpdateInput = NonNullable<TransactItem['Update']>;

/**
 * Applies an update built by the store's `updateExpression` (SET, list_append, REMOVE, ADD) to
 * an item's attribute sizes, in place: enough to know its size and index keys after the write.
 */
function applyUpdate(state: ItemState, update: UpdateInput): void {
  const names = update.ExpressionAttributeNames ?? {};
  const values = (update.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  const attributes = (state.attributes ??= new Map(Object.entries(state.put ?? {}).map(([name, value]) => [name, attributeSize(name, value)])));
  delete state.put;
  const numbers = (state.numbers ??= new Map());
  const setAttribute = (name: string, value: unknown) => {
    attributes.set(name, attributeSize(name, value));
    const index = name.endsWith('PK') ? name.slice(0, -2) : undefined;
    if (index && INDEX_NAMES.includes(index)) state.indexKeys.set(index, value as string);
  };
  for (const clause of update.UpdateExpression!.split(/\b(?=SET |REMOVE |ADD )/)) {
    if (clause.startsWith('SET ')) {
      for (const [, name, placeholder] of clause.matchAll(/(#\w+) = list_append\(if_not_exists\(#\w+, :\w+\), (:\w+)\)/g)) {
        const attribute = names[name!]!;
        const appended = values[placeholder!] as unknown[];
        const grown = (attributes.get(attribute) ?? attributeSize(attribute, [])) + appended.reduce<number>((sum, element) => sum + valueSize(element) + 1, 0);
        attributes.set(attribute, grown);
      }
      for (const [, name, placeholder] of clause.matchAll(/(#\w+) = (:\w+)(?![\w(])/g)) setAttribute(names[name!]!, values[placeholder!]);
    } else if (clause.startsWith('REMOVE ')) {
      for (const [name] of clause.matchAll(/#\w+/g)) {
        const attribute = names[name]!;
        attributes.delete(attribute);
        if (attribute.endsWith('PK')) state.indexKeys.delete(attribute.slice(0, -2));
      }
    } else if (clause.startsWith('ADD ')) {
      for (const [, name, placeholder] of clause.matchAll(/(#\w+) (:\w+)/g)) {
        const attribute = names[name!]!;
        const value = (numbers.get(attribute) ?? 0) + (values[placeholder!] as number);
        numbers.set(attribute, value);
        attributes.set(attribute, attributeSize(attribute, value));
      }
    }
  }
  if (!attributes.has('PK')) for (const [name, value] of Object.entries(update.Key as Record<string, unknown>)) attributes.set(name, attributeSize(name, value));
  let bytes = 0;
  for (const size of attributes.values()) bytes += size;
  state.bytes = bytes;
}
