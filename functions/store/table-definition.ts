import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single-table layout, defined once: the CDK stack and the local runner both build the
 * table from this object, so the table the tests use is the table that deploys.
 * Every partition key starts with the district id (`D#<district>`).
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /**
   * Generic, overloaded indexes: each entity type writes its own key prefixes into them.
   * Issues use GSI1 (district timeline), GSI2 (by status), GSI3 (by station), GSI4 (by grid),
   * GSI5 (by assignee), GSI6 (open issues by category, sparse) and GSI7 (open issues by due
   * time, sparse); see functions/store/issues/keys.ts.
   */
  globalSecondaryIndexes: [1, 2, 3, 4, 5, 6, 7].map((n) => ({
    indexName: `GSI${n}`,
    partitionKey: `GSI${n}PK`,
    sortKey: `GSI${n}SK`,
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
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
