import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { cursorKey, randomCursorKey, type CursorKey, type CursorKeySource } from './cursor';
import { traced } from '../shared/tracing';
import { sendUnderDeadline } from './deadline-send';

export interface StoreOptions {
  tableName: string;
  /** DynamoDB Local endpoint; absent on AWS. */
  endpoint?: string;
  region?: string;
  /**
   * The key of the lists' cursors (store/cursor.ts): key material, or how to read it once. The
   * API is always given one (functions/api/handler.ts: the deployment's secret on AWS, the data
   * folder's key file locally, a fixed key in tests). Absent, a random key of this store alone,
   * whose cursors no other process accepts: enough for jobs and tools, which hand none out.
   */
  cursorKey?: CursorKeySource;
}

/** What every repository needs: a document client, the table it works on, and the key its cursors are sealed with. */
export interface Store {
  doc: DynamoDBDocumentClient;
  tableName: string;
  cursorKey: CursorKey;
}

export function createStore(options: StoreOptions): Store {
  // Every DynamoDB call is an X-Ray subsegment on AWS (shared/tracing.ts); a no-op elsewhere.
  const client = traced(new DynamoDBClient({
    region: options.region ?? 'cn-north-1',
    // Three attempts (two retries with the SDK's backoff) fit a request's deadline; the deadline
    // itself (deadline-send.ts) stops whatever retrying remains when it runs out.
    maxAttempts: 3,
    ...(options.endpoint
      ? { endpoint: options.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  }));
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  sendUnderDeadline(doc);
  return { doc, tableName: options.tableName, cursorKey: options.cursorKey === undefined ? randomCursorKey() : cursorKey(options.cursorKey) };
}
