import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface StoreOptions {
  tableName: string;
  /** DynamoDB Local endpoint; absent on AWS. */
  endpoint?: string;
  region?: string;
}

/** What every repository needs: a document client and the table it works on. */
export interface Store {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export function createStore(options: StoreOptions): Store {
  const client = new DynamoDBClient({
    region: options.region ?? 'cn-north-1',
    maxAttempts: 5,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  return { doc, tableName: options.tableName };
}
