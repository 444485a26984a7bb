import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';

/** A filter on non-key attributes, applied by DynamoDB (FilterExpression), never in memory. */
export interface AttributeFilter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** Which sort keys of a partition a Query reads: one of DynamoDB's key conditions. */
export type SortKeyCondition = { beginsWith: string } | { between: readonly [from: string, to: string] } | { atLeast: string } | { below: string };

/** Which items a Query reads: one partition of the table or one index, in sort-key order. */
export interface KeyRange {
  indexName?: string;
  /** The partition key attribute (of the table or the index) and its value. */
  partition: { name: string; value: string };
  /** The sort key attribute and which of its values; absent, the whole partition. */
  sort?: { name: string } & SortKeyCondition;
  /** Highest sort key first (newest first for time-ordered keys). */
  descending?: boolean;
}

export interface PageQuery {
  range: KeyRange;
  first: number;
  /** The key of the last item of the previous page (all key attributes of the table and index). */
  after?: Record<string, unknown>;
  filter?: AttributeFilter;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

/** Items of one table partition whose sort key starts with a prefix (the reference entities). */
export function partitionPrefix(partitionKey: string, skPrefix: string): KeyRange {
  return { partition: { name: 'PK', value: partitionKey }, sort: { name: 'SK', beginsWith: skPrefix } };
}

/** The KeyConditionExpression of a range, its placeholders `#pk`, `#sk`, `:pk`, `:sk` and `:skEnd`. */
function keyCondition({ partition, sort }: KeyRange): AttributeFilter {
  const names: Record<string, string> = { '#pk': partition.name };
  const values: Record<string, unknown> = { ':pk': partition.value };
  if (!sort) return { expression: '#pk = :pk', names, values };
  names['#sk'] = sort.name;
  const [clause, bounds] =
    'beginsWith' in sort
      ? ['begins_with(#sk, :sk)', [sort.beginsWith]]
      : 'between' in sort
        ? ['#sk BETWEEN :sk AND :skEnd', sort.between]
        : 'atLeast' in sort
          ? ['#sk >= :sk', [sort.atLeast]]
          : ['#sk < :sk', [sort.below]];
  values[':sk'] = bounds[0];
  if (bounds[1] !== undefined) values[':skEnd'] = bounds[1];
  return { expression: `#pk = :pk AND ${clause}`, names, values };
}

/** DynamoDB's order of string keys: by their UTF-8 bytes (not JavaScript's UTF-16 units). */
const compareKeys = (a: string, b: string): number => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));

/**
 * Whether an item key lies in a range: its partition attribute has the range's value and its
 * sort attribute meets the range's condition. DynamoDB refuses (ValidationException) a start
 * key that does not, so a cursor's key is checked here first.
 */
export function keyInRange(range: KeyRange, key: Record<string, string>): boolean {
  if (key[range.partition.name] !== range.partition.value) return false;
  const { sort } = range;
  if (!sort) return true;
  const value = key[sort.name];
  if (value === undefined) return false;
  if ('beginsWith' in sort) return value.startsWith(sort.beginsWith);
  if ('between' in sort) return compareKeys(value, sort.between[0]) >= 0 && compareKeys(value, sort.between[1]) <= 0;
  if ('atLeast' in sort) return compareKeys(value, sort.atLeast) >= 0;
  return compareKeys(value, sort.below) < 0;
}

function queryInput(store: Store, range: KeyRange, filter: AttributeFilter | undefined, startKey: Record<string, unknown> | undefined) {
  const condition = keyCondition(range);
  return {
    TableName: store.tableName,
    IndexName: range.indexName,
    KeyConditionExpression: condition.expression,
    ScanIndexForward: !range.descending,
    ExpressionAttributeNames: { ...condition.names, ...filter?.names },
    ExpressionAttributeValues: { ...condition.values, ...filter?.values },
    ...(filter ? { FilterExpression: filter.expression } : {}),
    ExclusiveStartKey: startKey,
  };
}

/**
 * One page in sort-key order. Reads one item beyond `first` to answer hasNextPage exactly;
 * with a filter it keeps reading DynamoDB pages until it has that many or the range ends.
 */
export async function queryPage<T>(store: Store, query: PageQuery): Promise<Page<T>> {
  const wanted = query.first + 1;
  const items: T[] = [];
  let startKey = query.after;
  do {
    const output = await store.doc.send(
      new QueryCommand({
        ...queryInput(store, query.range, query.filter, startKey),
        Limit: query.filter ? Math.max(wanted, 100) : wanted - items.length,
      }),
    );
    items.push(...((output.Items ?? []) as T[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey && items.length < wanted);
  return { items: items.slice(0, query.first), hasNextPage: items.length > query.first };
}

/** Every item of a range, all pages (bounded collections: a district's reference data, an issue's history). */
export async function queryAll<T>(store: Store, range: KeyRange, filter?: AttributeFilter): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await store.doc.send(new QueryCommand(queryInput(store, range, filter, startKey)));
    items.push(...((output.Items ?? []) as T[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * A FilterExpression from attribute equalities, membership sets and `contains` (a list or set
 * attribute holding a value); null or undefined values are ignored. Answers undefined when
 * nothing is filtered.
 */
export function attributeFilter(options: {
  equals?: Record<string, unknown>;
  oneOf?: Record<string, readonly unknown[] | null | undefined>;
  contains?: Record<string, unknown>;
}): AttributeFilter | undefined {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  /** One clause on `attribute`, named `#f<n>`; `clause` writes it with `:f<n>` as its value placeholder. */
  const add = (attribute: string, clause: (name: string, value: string) => string) => {
    const index = clauses.length;
    names[`#f${index}`] = attribute;
    clauses.push(clause(`#f${index}`, `:f${index}`));
  };
  given(options.equals).forEach(([attribute, value]) =>
    add(attribute, (name, placeholder) => {
      values[placeholder] = value;
      return `${name} = ${placeholder}`;
    }),
  );
  given(options.oneOf).forEach(([attribute, candidates]) =>
    add(attribute, (name, placeholder) => {
      const listed = candidates.map((candidate, position) => {
        values[`${placeholder}_${position}`] = candidate;
        return `${placeholder}_${position}`;
      });
      return `${name} IN (${listed.join(', ')})`;
    }),
  );
  given(options.contains).forEach(([attribute, value]) =>
    add(attribute, (name, placeholder) => {
      values[placeholder] = value;
      return `contains(${name}, ${placeholder})`;
    }),
  );
  return clauses.length ? { expression: clauses.join(' AND '), names, values } : undefined;
}

/** The entries whose value is neither null nor undefined. */
const given = <V>(entries: Record<string, V | null | undefined> | undefined): [string, V][] =>
  Object.entries(entries ?? {}).filter((entry): entry is [string, V] => entry[1] !== null && entry[1] !== undefined);

/** Both filters, joined with AND. */
export function allOf(...filters: (AttributeFilter | undefined)[]): AttributeFilter | undefined {
  const present = filters.filter((filter): filter is AttributeFilter => !!filter);
  if (present.length === 0) return undefined;
  return {
    expression: present.map((filter) => `(${filter.expression})`).join(' AND '),
    names: Object.assign({}, ...present.map((filter) => filter.names)),
    values: Object.assign({}, ...present.map((filter) => filter.values)),
  };
}

/** What an UpdateItem changes. */
export interface ItemChanges {
  /** Attributes to set; an undefined value removes the attribute. */
  set?: Record<string, unknown>;
  /** Numbers to add (counters, versions). */
  add?: Record<string, number>;
  /** Elements to append to a list attribute, which starts empty when missing. */
  append?: Record<string, readonly unknown[]>;
}

/** A condition on the item an update writes, with its own placeholders (not `#u…` or `:u…`). */
export interface UpdateCondition {
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

/** The expression fields of an UpdateItem (a command's or a transaction's Update). */
export interface UpdateExpressionFields {
  UpdateExpression: string;
  ConditionExpression?: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
}

/**
 * An UpdateExpression (SET, REMOVE and ADD clauses) from attribute changes, every name and
 * value a placeholder (`#u<n>`, `:u<n>`), with `condition` and its placeholders merged in.
 * An empty values map is left out: DynamoDB refuses one.
 */
export function updateExpression(changes: ItemChanges, condition?: UpdateCondition): UpdateExpressionFields {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const clauses: Record<'SET' | 'REMOVE' | 'ADD', string[]> = { SET: [], REMOVE: [], ADD: [] };
  /** Names `attribute` `#u<n>` and answers that and `:u<n>` for its value. */
  const placeholders = (attribute: string): [string, string] => {
    const index = Object.keys(names).length;
    names[`#u${index}`] = attribute;
    return [`#u${index}`, `:u${index}`];
  };
  Object.entries(changes.set ?? {}).forEach(([attribute, value]) => {
    const [name, placeholder] = placeholders(attribute);
    if (value === undefined) {
      clauses.REMOVE.push(name);
    } else {
      values[placeholder] = value;
      clauses.SET.push(`${name} = ${placeholder}`);
    }
  });
  Object.entries(changes.append ?? {}).forEach(([attribute, elements]) => {
    const [name, placeholder] = placeholders(attribute);
    values[placeholder] = elements;
    values[`${placeholder}_empty`] = [];
    clauses.SET.push(`${name} = list_append(if_not_exists(${name}, ${placeholder}_empty), ${placeholder})`);
  });
  Object.entries(changes.add ?? {}).forEach(([attribute, by]) => {
    const [name, placeholder] = placeholders(attribute);
    values[placeholder] = by;
    clauses.ADD.push(`${name} ${placeholder}`);
  });
  Object.assign(names, condition?.names);
  Object.assign(values, condition?.values);
  return {
    UpdateExpression: Object.entries(clauses)
      .filter(([, listed]) => listed.length > 0)
      .map(([keyword, listed]) => `${keyword} ${listed.join(', ')}`)
      .join(' '),
    ...(condition ? { ConditionExpression: condition.expression } : {}),
    ExpressionAttributeNames: names,
    ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
  };
}
