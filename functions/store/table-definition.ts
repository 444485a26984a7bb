import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * Attributes that hold personal data: a reporter's contact, an officer's phone, and the photo
 * addresses of an issue (which may show people). No index projects any of them, so a copy of
 * them lives only in the item itself, where erasure finds and removes it.
 */
export const PERSONAL_ATTRIBUTES = ['reporterContact', 'phone', 'photoUrls'] as const;

/** What the issue list's filters read on every index that serves it (see issue-query-plan.ts). */
const ISSUE_LIST_FILTERS = ['status', 'category', 'source', 'priority', 'gridId', 'stationId', 'reportedAt', 'dueAt', 'GSI7PK'] as const;

/**
 * Each index projects only the non-key attributes its queries filter or compute on; the items
 * themselves are then read from the table by key (BatchGetItem). Index names, with what reads them:
 * GSI1 district timeline of issues and the week of activities (their filters: kind, officers);
 * GSI2 by status, GSI3 by station, GSI4 by grid, GSI5 by assignee; GSI6 open issues by category
 * (duplicates: their id and location); GSI7 open issues by due time (the list's overdue filter and the
 * overdue count by report day, station and grid); GSI8 closed issues holding a reporter's data,
 * by close time (the erasure job: keys only).
 */
const INDEX_ATTRIBUTES: Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8, readonly string[]> = {
  1: [...ISSUE_LIST_FILTERS, 'kind', 'officerIds'],
  2: ISSUE_LIST_FILTERS,
  3: ISSUE_LIST_FILTERS,
  4: ISSUE_LIST_FILTERS,
  5: ISSUE_LIST_FILTERS,
  6: ['id', 'location'],
  7: [...ISSUE_LIST_FILTERS.filter((name) => name !== 'GSI7PK'), 'reportedDay'],
  8: [],
};

/**
 * The single-table layout, defined once: the CDK stack and the local runner both build the
 * table from this object, so the table the tests use is the table that deploys.
 * Every partition key starts with the district id (`D#<district>`).
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /**
   * Generic, overloaded indexes: each entity type writes its own key prefixes into them
   * (issues: functions/store/issues/issue-keys.ts; activities: functions/store/duty-keys.ts).
   * Each projects its keys, the table's keys and `nonKeyAttributes` (INCLUDE; KEYS_ONLY when none).
   */
  globalSecondaryIndexes: ([1, 2, 3, 4, 5, 6, 7, 8] as const).map((n) => ({
    indexName: `GSI${n}`,
    partitionKey: `GSI${n}PK`,
    sortKey: `GSI${n}SK`,
    nonKeyAttributes: INDEX_ATTRIBUTES[n],
  })),
  /** Epoch seconds after which DynamoDB may delete an item (rate-limit counters). */
  timeToLiveAttribute: 'expiresAt',
  /** The stream the outbox relay reads (functions/events): new images, so each record carries its outbox item. */
  streamViewType: 'NEW_IMAGE',
} as const;

/** CreateTable input for DynamoDB Local, equivalent to the CDK table (on-demand, string keys). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.globalSecondaryIndexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.streamViewType },
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: projectionOf(index),
    })),
  };
}

/** The index's Projection as CreateTable and CloudFormation write it. */
export function projectionOf(index: { nonKeyAttributes: readonly string[] }): { ProjectionType: 'INCLUDE' | 'KEYS_ONLY'; NonKeyAttributes?: string[] } {
  return index.nonKeyAttributes.length > 0 ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.nonKeyAttributes] } : { ProjectionType: 'KEYS_ONLY' };
}
