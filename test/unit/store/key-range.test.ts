import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { keyInRange, partitionPrefix, queryAll, type KeyRange } from '../../../functions/store/query';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table' } as Parameters<typeof queryAll>[0];

const byReport = (sort?: KeyRange['sort']): KeyRange => ({ indexName: 'GSI1', partition: { name: 'GSI1PK', value: 'D#dingnan#ISSUES' }, ...(sort ? { sort } : {}), descending: true });
const at = (sortKey: string, partition = 'D#dingnan#ISSUES') => ({ GSI1PK: partition, GSI1SK: sortKey });

beforeEach(() => {
  dynamo.reset();
  dynamo.on(QueryCommand).resolves({ Items: [] });
});

describe('key ranges', () => {
  test.each([
    ['the whole partition', byReport(), '#pk = :pk', { ':pk': 'D#dingnan#ISSUES' }],
    ['a prefix', partitionPrefix('D#dingnan', 'STATION#'), '#pk = :pk AND begins_with(#sk, :sk)', { ':pk': 'D#dingnan', ':sk': 'STATION#' }],
    ['a closed interval', byReport({ name: 'GSI1SK', between: ['a', 'b'] }), '#pk = :pk AND #sk BETWEEN :sk AND :skEnd', { ':pk': 'D#dingnan#ISSUES', ':sk': 'a', ':skEnd': 'b' }],
    ['a lower bound', byReport({ name: 'GSI1SK', atLeast: 'a' }), '#pk = :pk AND #sk >= :sk', { ':pk': 'D#dingnan#ISSUES', ':sk': 'a' }],
    ['an upper bound', byReport({ name: 'GSI1SK', below: 'b' }), '#pk = :pk AND #sk < :sk', { ':pk': 'D#dingnan#ISSUES', ':sk': 'b' }],
  ])('given %s, when it is queried, then the key condition is DynamoDB’s for it', async (_label, range, expression, values) => {
    await queryAll(store, range);

    const input = dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
    expect(input.KeyConditionExpression).toBe(expression);
    expect(input.ExpressionAttributeValues).toEqual(values);
    expect(input.ScanIndexForward).toBe(!range.descending);
  });

  test.each([
    ['the whole partition', byReport(), at('anything'), true],
    ['the whole partition, another partition', byReport(), at('anything', 'D#guiding#ISSUES'), false],
    ['a prefix, matching', partitionPrefix('D#dingnan', 'STATION#'), { PK: 'D#dingnan', SK: 'STATION#s1' }, true],
    ['a prefix, another type', partitionPrefix('D#dingnan', 'STATION#'), { PK: 'D#dingnan', SK: 'OFFICER#o1' }, false],
    ['a prefix, no sort key', partitionPrefix('D#dingnan', 'STATION#'), { PK: 'D#dingnan' }, false],
    ['an interval, inside', byReport({ name: 'GSI1SK', between: ['2026-11-30', '2026-12-01'] }), at('2026-11-30T08:00#i1'), true],
    ['an interval, at its start', byReport({ name: 'GSI1SK', between: ['2026-11-30', '2026-12-01'] }), at('2026-11-30'), true],
    ['an interval, before it', byReport({ name: 'GSI1SK', between: ['2026-11-30', '2026-12-01'] }), at('2026-11-29T23:59#i1'), false],
    ['an interval, after it', byReport({ name: 'GSI1SK', between: ['2026-11-30', '2026-12-01'] }), at('2026-12-01#i1'), false],
    ['a lower bound, below it', byReport({ name: 'GSI1SK', atLeast: 'b' }), at('a'), false],
    ['an upper bound, at it', byReport({ name: 'GSI1SK', below: 'b' }), at('b'), false],
    // DynamoDB orders by UTF-8 bytes: U+FF5E (3 bytes) sorts before U+1F600 (4 bytes), though JavaScript's UTF-16 units say otherwise.
    ['an upper bound, in byte order', byReport({ name: 'GSI1SK', below: '😀' }), at('～'), true],
  ])('given %s, when a key is checked, then it is in the range exactly when DynamoDB would read it', (_label, range, key, inside) => {
    expect(keyInRange(range, key)).toBe(inside);
  });
});
