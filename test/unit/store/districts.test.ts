import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { defaultDutyPolicy } from '../../../functions/domain/duty-policy';
import { ConflictError, NotFoundError } from '../../../functions/shared/errors';
import { DistrictRepository } from '../../../functions/store/districts';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const districts = new DistrictRepository({ doc, tableName: 'table', cursorKey: testCursorKey() });
const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

beforeEach(() => dynamo.reset());

describe('DistrictRepository.updateDutyPolicy', () => {
  test('given an expected version, when the policy is updated, then one UpdateItem sets the policy and adds 1 to the version read', async () => {
    dynamo.on(UpdateCommand).resolves({ Attributes: { id: 'dingnan', policy: defaultDutyPolicy, version: 4 } });

    expect(await districts.updateDutyPolicy('dingnan', defaultDutyPolicy, 3)).toMatchObject({ version: 4 });

    expect(dynamo.commandCalls(UpdateCommand)[0]!.args[0].input).toMatchObject({
      Key: { PK: 'D#dingnan', SK: 'DISTRICT' },
      UpdateExpression: 'SET #u0 = :u0 ADD #u1 :u1',
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
      ExpressionAttributeNames: { '#u0': 'policy', '#u1': 'version' },
      ExpressionAttributeValues: { ':u0': defaultDutyPolicy, ':u1': 1, ':expected': 3 },
    });
  });

  test('given a concurrent change, when the policy is updated at the version read, then CONFLICT keeps the failed condition as its cause', async () => {
    const cause = conditionFailed();
    dynamo.on(UpdateCommand).rejects(cause);

    const error = await failure(districts.updateDutyPolicy('dingnan', defaultDutyPolicy, 3));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error!.message).toBe('District dingnan is not at the expected version 3');
    expect(error!.cause).toBe(cause);
  });

  test('given no district, when the policy is updated without an expected version, then NOT_FOUND keeps the failed condition as its cause', async () => {
    const cause = conditionFailed();
    dynamo.on(UpdateCommand).rejects(cause);

    const error = await failure(districts.updateDutyPolicy('nowhere', defaultDutyPolicy, undefined));

    expect(error).toBeInstanceOf(NotFoundError);
    expect(error!.cause).toBe(cause);
  });
});
