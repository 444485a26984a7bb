import { startDynamoDbLocal } from '../../functions/local/dynamodb-local';

/** Jest global setup: one in-memory DynamoDB Local on a free port; test files each make their own table. */
export default async function setup(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  process.env.TEST_DYNAMODB_ENDPOINT = dynamo.endpoint;
  (globalThis as Record<string, unknown>).__DYNAMODB_LOCAL__ = dynamo;
}
