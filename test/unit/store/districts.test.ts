import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { defaultDutyPolicy } from '../../../functions/domain/duty-policy';
import { dutyPolicyEvent } from '../../../functions/domain/events/policy-events';
import { ConflictError } from '../../../functions/shared/errors';
import { DistrictRepository } from '../../../functions/store/districts';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const districts = new DistrictRepository({ doc, tableName: 'table', cursorKey: testCursorKey() });
const event = dutyPolicyEvent({ districtId: 'dingnan', timezone: 'Asia/Shanghai', at: '2026-11-23T01:00:00.000Z', version: 4, policy: defaultDutyPolicy });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error as Error);

beforeEach(() => dynamo.reset());

describe('DistrictRepository.updateDutyPolicy', () => {
  test('given the version read, when the policy is updated, then one transaction sets the policy, adds 1 to that version and writes the event to the outbox', async () => {
    dynamo.on(TransactWriteCommand).resolves({});

    expect(await districts.updateDutyPolicy('dingnan', defaultDutyPolicy, 3, event)).toEqual({ policy: defaultDutyPolicy, version: 4 });

    const [update, outbox] = dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(update!.Update).toMatchObject({
      Key: { PK: 'D#dingnan', SK: 'DISTRICT' },
      UpdateExpression: 'SET #u0 = :u0 ADD #u1 :u1',
      ConditionExpression: 'attribute_exists(PK) AND version = :expected',
      ExpressionAttributeNames: { '#u0': 'policy', '#u1': 'version' },
      ExpressionAttributeValues: { ':u0': defaultDutyPolicy, ':u1': 1, ':expected': 3 },
    });
    expect(outbox!.Put).toMatchObject({ Item: { PK: 'D#dingnan#OUTBOX', SK: `OUTBOX#${event.id}`, event } });
  });

  test('given a concurrent change, when the policy is updated at the version read, then CONFLICT keeps the cancelled transaction as its cause', async () => {
    const cause = new TransactionCanceledException({
      message: 'Transaction cancelled',
      $metadata: {},
      CancellationReasons: [{ Code: 'ConditionalCheckFailed' }, { Code: 'None' }],
    });
    dynamo.on(TransactWriteCommand).rejects(cause);

    const error = await failure(districts.updateDutyPolicy('dingnan', defaultDutyPolicy, 3, event));

    expect(error).toBeInstanceOf(ConflictError);
    expect(error!.message).toBe('District dingnan is not at the expected version 3');
    expect(error!.cause).toBe(cause);
  });
});
