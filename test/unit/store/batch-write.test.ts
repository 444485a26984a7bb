import { BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { batchWrite } from '../../../functions/store/batch-write';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table', cursorKey: testCursorKey() };
const row = (n: number) => ({ PK: 'D#dingnan#WEEK#2026-W48', SK: `ROSTER#g#${String(n).padStart(3, '0')}` });
const put = (n: number) => ({ PutRequest: { Item: row(n) } });

const sentChunks = () => dynamo.commandCalls(BatchWriteCommand).map((call) => call.args[0].input.RequestItems!.table!);

beforeEach(() => dynamo.reset());

describe('batchWrite', () => {
  test('given 60 puts and 5 deletes, when written, then DynamoDB gets chunks of at most 25 with every request once', async () => {
    dynamo.on(BatchWriteCommand).resolves({});

    await batchWrite(store, { puts: Array.from({ length: 60 }, (_, n) => row(n)), deletes: [1, 2, 3, 4, 5].map((n) => row(100 + n)) });

    expect(sentChunks().map((chunk) => chunk.length)).toEqual([25, 25, 15]);
  });

  test('given throttled writes left unprocessed, when written, then only those are sent again until none is left', async () => {
    dynamo
      .on(BatchWriteCommand)
      .resolvesOnce({ UnprocessedItems: { table: [put(2), put(3)] } })
      .resolvesOnce({ UnprocessedItems: { table: [put(3)] } })
      .resolvesOnce({});

    await batchWrite(store, { puts: [row(1), row(2), row(3)] }, { baseDelayMs: 1 });

    expect(sentChunks()).toEqual([[put(1), put(2), put(3)], [put(2), put(3)], [put(3)]]);
  });

  test('given writes that stay unprocessed, when the attempts run out, then it fails rather than report success', async () => {
    dynamo.on(BatchWriteCommand).resolves({ UnprocessedItems: { table: [put(1)] } });

    await expect(batchWrite(store, { puts: [row(1)] }, { maxAttempts: 3, baseDelayMs: 1 })).rejects.toThrow(/unprocessed after 3 attempts/);
    expect(sentChunks()).toHaveLength(3);
  });
});
