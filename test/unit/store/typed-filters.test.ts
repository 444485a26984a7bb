import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ActivityRepository } from '../../../functions/store/activities';
import { GridRepository } from '../../../functions/store/grids';
import { OfficerRepository } from '../../../functions/store/officers';
import { StationRepository } from '../../../functions/store/stations';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table', cursorKey: testCursorKey() };

const query = () => dynamo.commandCalls(QueryCommand)[0]!.args[0].input;
/** The FilterExpression with its placeholders replaced by the attribute names and values they stand for. */
const filterOf = () => {
  const { FilterExpression, ExpressionAttributeNames, ExpressionAttributeValues } = query();
  return (FilterExpression ?? '')
    .replace(/#f\d+/g, (name) => ExpressionAttributeNames![name]!)
    .replace(/:f\d+(_\d+)?/g, (value) => JSON.stringify(ExpressionAttributeValues![value]));
};

beforeEach(() => {
  dynamo.reset();
  dynamo.on(QueryCommand).resolves({ Items: [] });
});

describe('typed list filters', () => {
  test('given a station filter with a null field, when a page is read, then DynamoDB filters on the given fields only', async () => {
    await new StationRepository(store).page('dingnan', { first: 10, filter: { kind: 'SERVICE_POST', community: null, active: false } });

    expect(filterOf()).toBe('kind = "SERVICE_POST" AND active = false');
  });

  test('given a grid filter, when a page is read, then DynamoDB filters on the station and community', async () => {
    await new GridRepository(store).page('dingnan', { first: 10, filter: { stationId: 's1', community: '金南社区' } });

    expect(filterOf()).toBe('stationId = "s1" AND community = "金南社区"');
  });

  test('given no filter, when a page is read, then the Query has no FilterExpression', async () => {
    await new GridRepository(store).page('dingnan', { first: 10, filter: null });

    expect(query().FilterExpression).toBeUndefined();
  });

  test('given an officer filter with ids, when a page is read, then DynamoDB keeps those officers only', async () => {
    await new OfficerRepository(store).page('dingnan', { first: 10, filter: { role: 'ENFORCEMENT', ids: ['o1', 'o2'] } });

    expect(filterOf()).toBe('role = "ENFORCEMENT" AND id IN ("o1", "o2")');
  });

  test('given an officer filter with an empty id list (a grid without members), when a page is read, then it is empty and nothing is queried', async () => {
    const page = await new OfficerRepository(store).page('dingnan', { first: 10, filter: { active: true, ids: [] } });

    expect(page).toEqual({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null } });
    expect(dynamo.commandCalls(QueryCommand)).toHaveLength(0);
  });

  test('given an activity filter with a week and an officer, when a page is read, then the week index is read and the officer must be among the participants', async () => {
    await new ActivityRepository(store).page('dingnan', { first: 10, filter: { week: '2026-W47', kind: 'PATROL', officerId: 'o1' } });

    expect(query().IndexName).toBe('GSI1');
    expect(filterOf()).toBe('kind = "PATROL" AND contains(officerIds, "o1")');
  });
});
