import type { RunningDynamoDbLocal } from '../../functions/local/dynamodb-local';

export default async function teardown(): Promise<void> {
  await ((globalThis as Record<string, unknown>).__DYNAMODB_LOCAL__ as RunningDynamoDbLocal | undefined)?.stop();
}
