import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { BadUserInputError } from '../../../functions/shared/errors';
import { queryConnection, type ConnectionQuery } from '../../../functions/store/connection';
import { encodeCursor } from '../../../functions/store/cursor';
import { partitionPrefix } from '../../../functions/store/query';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table' };
const station = (n: number) => ({ PK: 'D#dingnan', SK: `STATION#s${n}`, id: `s${n}`, name: `站 ${n}` });

const stations = (page: Partial<ConnectionQuery>): ConnectionQuery => ({
  districtId: 'dingnan',
  list: 'STATION',
  keyNames: ['PK', 'SK'],
  inRange: (key) => key.PK === 'D#dingnan' && key.SK!.startsWith('STATION#'),
  range: partitionPrefix('D#dingnan', 'STATION#'),
  first: 2,
  ...page,
});

const queries = () => dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);

beforeEach(() => dynamo.reset());

describe('queryConnection', () => {
  test('given more items than asked for, when a page is read, then it has `first` edges, hasNextPage, and the last edge’s cursor as endCursor', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [station(1), station(2), station(3)] });

    const connection = await queryConnection<ReturnType<typeof station>>(store, stations({}));

    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['s1', 's2']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: connection.edges[1]!.cursor });
    expect(queries()[0]).toMatchObject({ Limit: 3 });
  });

  test('given a page’s endCursor, when the next page is read, then the Query starts after that item’s key and nothing else of it', async () => {
    dynamo.on(QueryCommand).resolvesOnce({ Items: [station(1), station(2), station(3)] }).resolves({ Items: [station(3)] });
    const first = await queryConnection<ReturnType<typeof station>>(store, stations({}));

    const second = await queryConnection<ReturnType<typeof station>>(store, stations({ after: first.pageInfo.endCursor }));

    expect(queries()[1]!.ExclusiveStartKey).toEqual({ PK: 'D#dingnan', SK: 'STATION#s2' });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(['s3']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, endCursor: second.edges[0]!.cursor });
  });

  test('given no items, when a page is read, then it has no edges and a null endCursor', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });

    expect(await queryConnection<ReturnType<typeof station>>(store, stations({}))).toEqual({ edges: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test.each([
    ['another list', encodeCursor('dingnan', 'OFFICER', { PK: 'D#dingnan', SK: 'STATION#s1' })],
    ['another district', encodeCursor('guiding', 'STATION', { PK: 'D#dingnan', SK: 'STATION#s1' })],
    ['a key outside the range', encodeCursor('dingnan', 'STATION', { PK: 'D#dingnan', SK: 'OFFICER#o1' })],
    ['a key with other attributes', encodeCursor('dingnan', 'STATION', { PK: 'D#dingnan', SK: 'STATION#s1', GSI1PK: 'x' })],
  ])('given a cursor from %s, when a page is read with it, then BAD_USER_INPUT and nothing is queried', async (_from, cursor) => {
    await expect(queryConnection(store, stations({ after: cursor }))).rejects.toBeInstanceOf(BadUserInputError);
    expect(queries()).toHaveLength(0);
  });
});
