import { DynamoDBClient, InternalServerError, TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { ConflictError, NotFoundError } from '../../../functions/shared/errors';
import { transactWrite, type GuardedWrite } from '../../../functions/store/transact';
import { testCursorKey } from '../../support/cursor-key';

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ region: 'local' }));
const dynamo = mockClient(doc);
const store = { doc, tableName: 'table', cursorKey: testCursorKey() };
const fast = { baseDelayMs: 1 };

const write = (sk: string, onConditionFailed: GuardedWrite['onConditionFailed'] = (options) => new ConflictError(`${sk} changed`, options)): GuardedWrite => ({
  item: { Put: { TableName: 'table', Item: { PK: 'D#dingnan', SK: sk }, ConditionExpression: 'attribute_not_exists(PK)' } },
  onConditionFailed,
});

const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({
    message: `Transaction cancelled [${codes.join(', ')}]`,
    $metadata: {},
    CancellationReasons: codes.map((Code): CancellationReason => ({ Code })),
  });

const tokens = () => dynamo.commandCalls(TransactWriteCommand).map((call) => call.args[0].input.ClientRequestToken);

beforeEach(() => dynamo.reset());

describe('transactWrite', () => {
  test('given a transaction, when it is written, then it carries a client request token so SDK retries of a lost answer apply it once', async () => {
    dynamo.on(TransactWriteCommand).resolves({});

    await transactWrite(store, [write('A'), write('B')], fast);

    expect(tokens()).toHaveLength(1);
    expect(tokens()[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(dynamo.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems).toHaveLength(2);
  });

  test('given a failed condition on the second write, when written, then that write’s typed error is thrown and nothing is retried', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed'));

    const outcome = transactWrite(store, [write('A'), write('B', () => new NotFoundError('Station', 'B'))], fast);

    await expect(outcome).rejects.toBeInstanceOf(NotFoundError);
    expect(tokens()).toHaveLength(1);
  });

  test('given a failed condition, when written, then the write’s typed error keeps the cancellation as its cause', async () => {
    const cancellation = cancelled('ConditionalCheckFailed');
    dynamo.on(TransactWriteCommand).rejects(cancellation);

    const error = await transactWrite(store, [write('A')], fast).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).cause).toBe(cancellation);
  });

  test('given a transaction conflict that clears, when written, then it is retried with a new token and succeeds', async () => {
    dynamo.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});

    await transactWrite(store, [write('A'), write('B')], fast);

    expect(tokens()).toHaveLength(2);
    expect(new Set(tokens()).size).toBe(2);
  });

  test('given throttled items that clear, when written, then the cancelled transaction is retried and succeeds', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(cancelled('ThrottlingError', 'None'))
      .rejectsOnce(cancelled('ProvisionedThroughputExceeded', 'None'))
      .resolves({});

    await transactWrite(store, [write('A'), write('B')], fast);

    expect(tokens()).toHaveLength(3);
  });

  test('given a conflict on every attempt, when written, then CONFLICT after the attempts run out', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));

    await expect(transactWrite(store, [write('A'), write('B')], { maxAttempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(ConflictError);
    expect(tokens()).toHaveLength(3);
  });

  test('given a conflict on every attempt, when the attempts run out, then the CONFLICT keeps the last cancellation as its cause', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));

    const error = await transactWrite(store, [write('A'), write('B')], { maxAttempts: 2, baseDelayMs: 1 }).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).cause).toBeInstanceOf(TransactionCanceledException);
  });

  test('given throttling on every attempt, when written, then the SDK error is re-thrown (masked by the API) after the attempts run out', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ThrottlingError', 'None'));

    await expect(transactWrite(store, [write('A'), write('B')], { maxAttempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(tokens()).toHaveLength(3);
  });

  test('given a conflict next to a failed condition, when written, then the condition wins: its typed error, no retry', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'ConditionalCheckFailed'));

    await expect(transactWrite(store, [write('A'), write('B', () => new NotFoundError('Officer', 'B'))], fast)).rejects.toBeInstanceOf(NotFoundError);
    expect(tokens()).toHaveLength(1);
  });

  test('given a validation reason, when written, then it is re-thrown at once: it would fail the same way again', async () => {
    dynamo.on(TransactWriteCommand).rejects(cancelled('ValidationError', 'None'));

    await expect(transactWrite(store, [write('A'), write('B')], fast)).rejects.toBeInstanceOf(TransactionCanceledException);
    expect(tokens()).toHaveLength(1);
  });

  test('given an error that is not a cancellation (the SDK gave up on a timeout), when written, then it is re-thrown without a retry of our own', async () => {
    dynamo.on(TransactWriteCommand).rejects(Object.assign(new Error('socket hang up'), { name: 'TimeoutError' }));

    await expect(transactWrite(store, [write('A')], fast)).rejects.toThrow('socket hang up');
    expect(tokens()).toHaveLength(1);
  });

  test('given an internal server error (outcome unknown) that clears, when written, then it is resent with the same token, so a commit that happened is not applied twice', async () => {
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(new InternalServerError({ message: 'This action timed out because it too long waiting for a lock', $metadata: {} }))
      .resolves({});

    await transactWrite(store, [write('A')], fast);

    expect(tokens()).toHaveLength(2);
    expect(new Set(tokens()).size).toBe(1);
  });

  test('given an internal server error on every attempt, when the attempts run out, then it is re-thrown', async () => {
    dynamo.on(TransactWriteCommand).rejects(new InternalServerError({ message: 'internal', $metadata: {} }));

    await expect(transactWrite(store, [write('A')], { maxAttempts: 3, baseDelayMs: 1 })).rejects.toBeInstanceOf(InternalServerError);
    expect(tokens()).toHaveLength(3);
  });
});
