import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { createStore, type Store } from '../../functions/store/client';
import { createTableInput } from '../../functions/store/table-definition';
import { TEST_CURSOR_KEY } from './cursor-key';

/**
 * Refuses anything but DynamoDB Local on loopback: connected tests can never touch real AWS.
 */
export function localEndpoint(): string {
  const endpoint = process.env.TEST_DYNAMODB_ENDPOINT;
  if (!endpoint) throw new Error('TEST_DYNAMODB_ENDPOINT is not set: run connected tests through jest (global setup starts DynamoDB Local)');
  const { hostname } = new URL(endpoint);
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(hostname)) {
    throw new Error(`Refusing to run integration tests against ${endpoint}: only DynamoDB Local on loopback is allowed`);
  }
  return endpoint;
}

export interface TestStore extends Store {
  endpoint: string;
  drop(): Promise<void>;
}

/** A fresh table of the deployed layout, unique to the calling test file. */
export async function createTestStore(): Promise<TestStore> {
  const endpoint = localEndpoint();
  const tableName = `test-${randomUUID()}`;
  const store = createStore({ tableName, endpoint, region: 'local', cursorKey: TEST_CURSOR_KEY });
  await store.doc.send(new CreateTableCommand(createTableInput(tableName)));
  return {
    ...store,
    endpoint,
    drop: async () => {
      await store.doc.send(new DeleteTableCommand({ TableName: tableName }));
      store.doc.destroy();
    },
  };
}
