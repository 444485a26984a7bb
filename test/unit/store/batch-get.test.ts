import { BatchGetCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { batchGetItems } from '../../../functions/store/batch-get';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table', cursorKey: testCursorKey() };
const key = (n: number) => ({ PK: 'D#dingnan', SK: `OFFICER#${String(n).padStart(3, '0')}` });

beforeEach(() => dynamo.reset());

describe('batchGetItems', () => {
  test('given 250 keys, when they are read, then DynamoDB gets chunks of at most 100 keys', async () => {
    dynamo.on(BatchGetCommand).callsFake((input) => ({ Responses: { table: input.RequestItems.table.Keys } }));

    const found = await batchGetItems(store, Array.from({ length: 250 }, (_, n) => key(n)));

    const sizes = dynamo.commandCalls(BatchGetCommand).map((call) => call.args[0].input.RequestItems!.table!.Keys!.length);
    expect(sizes).toEqual([100, 100, 50]);
    expect(found.size).toBe(250);
  });

  test('given throttled keys left unprocessed, when they are read, then they are retried until every item is found', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { table: [key(1)] }, UnprocessedKeys: { table: { Keys: [key(2), key(3)] } } })
      .resolvesOnce({ Responses: { table: [key(2)] }, UnprocessedKeys: { table: { Keys: [key(3)] } } })
      .resolvesOnce({ Responses: { table: [key(3)] } });

    const found = await batchGetItems(store, [key(1), key(2), key(3)], { baseDelayMs: 1 });

    expect([...found.keys()].sort()).toEqual([key(1), key(2), key(3)].map((k) => `${k.PK}|${k.SK}`));
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(3);
  });

  test('given keys that stay unprocessed, when the attempts run out, then it fails instead of answering partial data', async () => {
    dynamo.on(BatchGetCommand).resolves({ Responses: { table: [] }, UnprocessedKeys: { table: { Keys: [key(1)] } } });

    await expect(batchGetItems(store, [key(1)], { maxAttempts: 3, baseDelayMs: 1 })).rejects.toThrow(/unprocessed after 3 attempts/);
  });

  test('given duplicate keys, when they are read, then each key is requested once', async () => {
    dynamo.on(BatchGetCommand).callsFake((input) => ({ Responses: { table: input.RequestItems.table.Keys } }));

    await batchGetItems(store, [key(1), key(1), key(2)]);

    expect(dynamo.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!.table!.Keys).toHaveLength(2);
  });
});
