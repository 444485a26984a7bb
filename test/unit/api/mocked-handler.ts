import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { loadHandler } from '../../support/graphql-handler';
import type { TestStore } from '../../support/test-store';

type Handler = Awaited<ReturnType<typeof loadHandler>>;

/**
 * The real Lambda handler with DynamoDB mocked, and what it writes to the console captured per
 * test (Powertools' dev mode writes its JSON lines through the global console). Call at the top
 * of a test file: it installs the hooks.
 */
export function mockedHandlerWithLogs() {
  const dynamo = mockClient(DynamoDBDocumentClient);
  const logged: string[] = [];
  let handler: Handler | undefined;
  beforeAll(async () => {
    process.env.POWERTOOLS_DEV = 'true';
    handler = await loadHandler({ tableName: 'mocked', endpoint: 'http://127.0.0.1:1' } as TestStore);
  });
  beforeEach(() => {
    dynamo.reset();
    logged.length = 0;
    for (const method of ['error', 'warn', 'info', 'log'] as const) {
      jest.spyOn(console, method).mockImplementation((...args) => void logged.push(args.map(String).join(' ')));
    }
  });
  afterEach(() => jest.restoreAllMocks());
  return { dynamo, logged, handler: ((event, context) => handler!(event, context)) as Handler };
}
