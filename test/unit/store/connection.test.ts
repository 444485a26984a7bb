import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { BadUserInputError } from '../../../functions/shared/errors';
import { queryConnection, type ConnectionQuery } from '../../../functions/store/connection';
import { decodeCursor, encodeCursor, randomCursorKey } from '../../../functions/store/cursor';
import { attributeFilter, partitionPrefix, type KeyRange } from '../../../functions/store/query';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table', cursorKey: testCursorKey() };
const station = (n: number) => ({ PK: 'D#dingnan', SK: `STATION#s${n}`, id: `s${n}`, name: `站 ${n}` });

const stations = (page: Partial<ConnectionQuery>): ConnectionQuery => ({
  districtId: 'dingnan',
  list: 'STATION',
  keyNames: ['PK', 'SK'],
  range: partitionPrefix('D#dingnan', 'STATION#'),
  first: 2,
  ...page,
});

/** Issues by report time in a window of the timeline index, as the issue list plans them. */
const window = (from: string, to: string): KeyRange => ({
  indexName: 'GSI1',
  partition: { name: 'GSI1PK', value: 'D#dingnan#ISSUES' },
  sort: { name: 'GSI1SK', between: [from, to] },
  descending: true,
});
const issues = (page: Partial<ConnectionQuery>): ConnectionQuery => ({
  districtId: 'dingnan',
  list: 'ISSUES',
  keyNames: ['PK', 'SK', 'GSI1PK', 'GSI1SK'],
  isListKey: (key) => key.SK === 'ISSUE' && key.PK!.startsWith('D#dingnan#ISSUE#'),
  range: window('2026-11-30T00:00:00.000Z', '2026-12-01T00:00:00.000Z'),
  first: 2,
  ...page,
});
const issueKey = (at: string) => ({ PK: 'D#dingnan#ISSUE#i1', SK: 'ISSUE', GSI1PK: 'D#dingnan#ISSUES', GSI1SK: `${at}#i1` });

const queries = () => dynamo.commandCalls(QueryCommand).map((call) => call.args[0].input);

/** A cursor of the query's very request (its fingerprint), sealed with the store's key, naming any key: what only a holder of the key could make. */
async function forged(query: ConnectionQuery, item: Record<string, unknown>, values: (string | undefined)[]): Promise<string> {
  dynamo.on(QueryCommand).resolvesOnce({ Items: [item] });
  const genuine = (await queryConnection(store, { ...query, first: 1 })).pageInfo.endCursor!;
  const key = await store.cursorKey.aesKey();
  dynamo.reset();
  return encodeCursor(key, { fingerprint: decodeCursor(key, genuine).fingerprint, values: values as string[] });
}

async function expectRefused(query: ConnectionQuery) {
  await expect(queryConnection(store, query)).rejects.toThrow(BadUserInputError);
  await expect(queryConnection(store, query)).rejects.toMatchObject({ fields: [{ path: 'after', message: 'is not a cursor from this list' }] });
  expect(queries()).toHaveLength(0);
}

beforeEach(() => dynamo.reset());

describe('queryConnection', () => {
  test('given more items than asked for, when a page is read, then it has `first` edges, hasNextPage, and the first and last edges’ cursors as start and end', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [station(1), station(2), station(3)] });

    const connection = await queryConnection<ReturnType<typeof station>>(store, stations({}));

    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['s1', 's2']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: false, startCursor: connection.edges[0]!.cursor, endCursor: connection.edges[1]!.cursor });
    expect(queries()[0]).toMatchObject({ Limit: 3 });
  });

  test('given a page’s endCursor, when the next page is read, then the Query starts after that item’s key and nothing else of it, and hasPreviousPage stays false', async () => {
    dynamo.on(QueryCommand).resolvesOnce({ Items: [station(1), station(2), station(3)] }).resolves({ Items: [station(3)] });
    const first = await queryConnection<ReturnType<typeof station>>(store, stations({}));

    const second = await queryConnection<ReturnType<typeof station>>(store, stations({ after: first.pageInfo.endCursor }));

    expect(queries()[1]!.ExclusiveStartKey).toEqual({ PK: 'D#dingnan', SK: 'STATION#s2' });
    expect(second.edges.map((edge) => edge.node.id)).toEqual(['s3']);
    expect(second.pageInfo).toEqual({ hasNextPage: false, hasPreviousPage: false, startCursor: second.edges[0]!.cursor, endCursor: second.edges[0]!.cursor });
  });

  test('given no items, when a page is read, then it has no edges, null cursors, and the key is never read', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [] });
    const aesKey = jest.fn();

    const connection = await queryConnection<ReturnType<typeof station>>({ ...store, cursorKey: { aesKey } }, stations({}));

    expect(connection).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(aesKey).not.toHaveBeenCalled();
  });

  test('given a page’s cursor, when it is base64-decoded, then it reveals no table key', async () => {
    dynamo.on(QueryCommand).resolves({ Items: [station(1)] });

    const { endCursor } = (await queryConnection(store, stations({}))).pageInfo;

    const decoded = Buffer.from(endCursor!, 'base64url').toString('latin1');
    expect(decoded).not.toContain('D#');
    expect(decoded).not.toContain('PK');
    expect(decoded).not.toContain('STATION');
  });

  test('given a cursor of a page with a time-dependent condition, when the next page is read a minute later, then the cursor binds to the named time, not its value', async () => {
    const overdue = (now: string) => ({ range: window('2026-11-01T00:00:00.000Z', now), filter: attributeFilter({ equals: { status: 'OPEN' } }) });
    const query = (now: string, after?: string | null) => issues({ ...overdue(now), boundTo: overdue('now'), after });
    dynamo.on(QueryCommand).resolves({ Items: [issueKey('2026-11-30T02:00:00.000Z'), issueKey('2026-11-30T01:00:00.000Z'), issueKey('2026-11-30T00:00:00.000Z')] });
    const first = await queryConnection(store, query('2026-11-30T10:00:00.000Z'));

    await expect(queryConnection(store, query('2026-11-30T10:01:00.000Z', first.pageInfo.endCursor))).resolves.toBeDefined();
  });

  describe('given a cursor that this request did not make', () => {
    test.each([
      ['another list', () => queryConnection(store, stations({ list: 'OFFICER' }))],
      ['another district', () => queryConnection(store, stations({ districtId: 'guiding' }))],
      ['another partition', () => queryConnection(store, stations({ range: partitionPrefix('D#guiding', 'STATION#') }))],
      ['another filter', () => queryConnection(store, stations({ filter: attributeFilter({ equals: { active: true } }) }))],
      ['the other order', () => queryConnection(store, stations({ range: { ...partitionPrefix('D#dingnan', 'STATION#'), descending: true } }))],
    ])('given a cursor of %s, when a page is read with it, then BAD_USER_INPUT on after and nothing is queried', async (_label, made) => {
      dynamo.on(QueryCommand).resolvesOnce({ Items: [station(1), station(2)] });
      const cursor = (await made()).pageInfo.endCursor;
      dynamo.reset();

      await expectRefused(stations({ after: cursor }));
    });

    test('given a cursor of the unfiltered issues, when the issues of a report window are read with it, then BAD_USER_INPUT on after and nothing is queried', async () => {
      const timeline: KeyRange = { indexName: 'GSI1', partition: { name: 'GSI1PK', value: 'D#dingnan#ISSUES' }, descending: true };
      dynamo.on(QueryCommand).resolvesOnce({ Items: [issueKey('2026-12-05T00:00:00.000Z'), issueKey('2026-12-04T00:00:00.000Z')] });
      const cursor = (await queryConnection(store, issues({ range: timeline, first: 1 }))).pageInfo.endCursor;
      dynamo.reset();

      await expectRefused(issues({ after: cursor }));
    });

    test('given a cursor sealed with another key, when a page is read with it, then BAD_USER_INPUT on after and nothing is queried', async () => {
      dynamo.on(QueryCommand).resolvesOnce({ Items: [station(1), station(2)] });
      const cursor = (await queryConnection({ ...store, cursorKey: randomCursorKey() }, stations({ first: 1 }))).pageInfo.endCursor;
      dynamo.reset();

      await expectRefused(stations({ after: cursor }));
    });
  });

  describe('given a well-sealed cursor of this very request whose key it could not have read (forged with the key)', () => {
    const inWindow = '2026-11-30T02:00:00.000Z#i1';
    test.each([
      ['an empty sort key', ['D#dingnan', '']],
      ['a sort key outside the prefix', ['D#dingnan', 'OFFICER#o1']],
      ['another district’s partition', ['D#guiding', 'STATION#s1']],
      ['too few values', ['D#dingnan']],
      ['too many values', ['D#dingnan', 'STATION#s1', 'x']],
      ['a sort key over 1 024 bytes', ['D#dingnan', `STATION#${'站'.repeat(400)}`]],
    ])('given %s on the stations, when a page is read with it, then BAD_USER_INPUT on after and nothing is queried', async (_label, values) => {
      await expectRefused(stations({ after: await forged(stations({}), station(1), values) }));
    });

    test.each([
      ['an empty index sort key', ['D#dingnan#ISSUE#i1', 'ISSUE', 'D#dingnan#ISSUES', '']],
      ['an index sort key before the window', ['D#dingnan#ISSUE#i1', 'ISSUE', 'D#dingnan#ISSUES', '2026-11-29T23:59:59.999Z#i1']],
      ['an index sort key after the window', ['D#dingnan#ISSUE#i1', 'ISSUE', 'D#dingnan#ISSUES', '2026-12-01T00:00:00.001Z#i1']],
      ['another index partition', ['D#dingnan#ISSUE#i1', 'ISSUE', 'D#dingnan#ISSUES#STATUS#OPEN', inWindow]],
      ['a table key that is no issue', ['D#dingnan', 'STATION#s1', 'D#dingnan#ISSUES', inWindow]],
      ['another district’s issue', ['D#guiding#ISSUE#i1', 'ISSUE', 'D#dingnan#ISSUES', inWindow]],
    ])('given %s on the issues of a report window, when a page is read with it, then BAD_USER_INPUT on after and nothing is queried', async (_label, values) => {
      await expectRefused(issues({ after: await forged(issues({}), issueKey('2026-11-30T02:00:00.000Z'), values) }));
    });

    test('given the same forging with a key in the window, when a page is read with it, then the Query starts there (the checks refuse only what DynamoDB would)', async () => {
      const cursor = await forged(issues({}), issueKey('2026-11-30T02:00:00.000Z'), ['D#dingnan#ISSUE#i9', 'ISSUE', 'D#dingnan#ISSUES', '2026-11-30T05:00:00.000Z#i9']);
      dynamo.on(QueryCommand).resolves({ Items: [] });

      await queryConnection(store, issues({ after: cursor }));

      expect(queries()[0]!.ExclusiveStartKey).toEqual({ PK: 'D#dingnan#ISSUE#i9', SK: 'ISSUE', GSI1PK: 'D#dingnan#ISSUES', GSI1SK: '2026-11-30T05:00:00.000Z#i9' });
    });
  });
});
