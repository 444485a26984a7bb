import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Store } from './client';
import type { ItemKey } from './keys';

/** A filter on non-key attributes, applied by DynamoDB (FilterExpression), never in memory. */
export interface AttributeFilter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

export interface PageQuery {
  partitionKey: string;
  skPrefix: string;
  first: number;
  after?: ItemKey;
  filter?: AttributeFilter;
}

export interface Page<T> {
  items: T[];
  hasNextPage: boolean;
}

function keyCondition(partitionKey: string, skPrefix: string, filter?: AttributeFilter): QueryCommandInput {
  return {
    TableName: '',
    KeyConditionExpression: 'PK = :pk AND begins_with(SK, :skPrefix)',
    ExpressionAttributeValues: { ':pk': partitionKey, ':skPrefix': skPrefix, ...filter?.values },
    ...(filter
      ? { FilterExpression: filter.expression, ExpressionAttributeNames: filter.names }
      : {}),
  };
}

/**
 * One page in sort-key order. Reads one item beyond `first` to answer hasNextPage exactly;
 * with a filter it keeps reading DynamoDB pages until it has that many or the range ends.
 */
export async function queryPage<T extends ItemKey>(store: Store, query: PageQuery): Promise<Page<T>> {
  const wanted = query.first + 1;
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined = query.after ? { PK: query.after.PK, SK: query.after.SK } : undefined;
  do {
    const output = await store.doc.send(
      new QueryCommand({
        ...keyCondition(query.partitionKey, query.skPrefix, query.filter),
        TableName: store.tableName,
        ExclusiveStartKey: startKey,
        Limit: query.filter ? Math.max(wanted, 100) : wanted - items.length,
      }),
    );
    items.push(...((output.Items ?? []) as T[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey && items.length < wanted);
  return { items: items.slice(0, query.first), hasNextPage: items.length > query.first };
}

/** Every item of one entity type in a partition (reference data: hundreds of items, a page or two). */
export async function queryAll<T extends ItemKey>(store: Store, partitionKey: string, skPrefix: string): Promise<T[]> {
  const items: T[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const output = await store.doc.send(
      new QueryCommand({ ...keyCondition(partitionKey, skPrefix), TableName: store.tableName, ExclusiveStartKey: startKey }),
    );
    items.push(...((output.Items ?? []) as T[]));
    startKey = output.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/**
 * A FilterExpression from attribute equalities and membership sets; null or undefined values
 * are ignored. Answers undefined when nothing is filtered.
 */
export function attributeFilter(options: {
  equals?: Record<string, unknown>;
  oneOf?: Record<string, readonly unknown[]>;
}): AttributeFilter | undefined {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  Object.entries(options.equals ?? {}).forEach(([attribute, value]) => {
    if (value === null || value === undefined) return;
    const index = clauses.length;
    names[`#f${index}`] = attribute;
    values[`:f${index}`] = value;
    clauses.push(`#f${index} = :f${index}`);
  });
  Object.entries(options.oneOf ?? {}).forEach(([attribute, candidates]) => {
    const index = clauses.length;
    names[`#f${index}`] = attribute;
    const placeholders = candidates.map((candidate, position) => {
      values[`:f${index}_${position}`] = candidate;
      return `:f${index}_${position}`;
    });
    clauses.push(`#f${index} IN (${placeholders.join(', ')})`);
  });
  return clauses.length ? { expression: clauses.join(' AND '), names, values } : undefined;
}
