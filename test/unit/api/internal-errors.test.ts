import { BatchGetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { callGraphql, claimsFor, codesOf, lambdaContext } from '../../support/graphql-handler';
import { mockedHandlerWithLogs } from './mocked-handler';

/** Fault paths DynamoDB Local can't produce, through the real handler with a mocked SDK. */
const { dynamo, logged, handler } = mockedHandlerWithLogs();
const admin = claimsFor('dingnan', 'ADMIN');

describe('unexpected failures', () => {
  test('given DynamoDB fails unexpectedly, when a query runs, then INTERNAL_SERVER_ERROR with the request id and no internals', async () => {
    dynamo.on(QueryCommand).rejects(new Error('socket hang up at 10.0.0.12: secret-table-name'));
    const context = lambdaContext();

    const response = await callGraphql(handler, `{ stations { edges { node { id } } } }`, { claims: admin, context });

    expect(codesOf(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    const [error] = response.errors!;
    expect(error!.message).toBe('Internal server error');
    expect(error!.extensions.requestId).toBe(context.awsRequestId);
    expect(JSON.stringify(response)).not.toMatch(/socket|secret|10\.0\.0\.12|stack|at /);
  });

  test('given DynamoDB fails unexpectedly, when a query runs, then the full error is logged as JSON with the request id', async () => {
    dynamo.on(BatchGetCommand).rejects(new Error('boom: provisioned throughput'));
    const context = lambdaContext();

    await callGraphql(handler, `{ station(id: "dn-s-01") { id } }`, { claims: admin, context });

    const entry = logged.filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line)).find((log) => log.message === 'Unexpected error');
    expect(entry).toMatchObject({ level: 'ERROR', requestId: context.awsRequestId, districtId: 'dingnan' });
    expect(JSON.stringify(entry.error)).toContain('boom: provisioned throughput');
  });

  test('given a transaction cancelled for a reason other than a condition, when a station is created, then it is masked, not mistaken for a conflict', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] }),
    );

    const response = await callGraphql(handler, `mutation { createStation(input: { name: "x", kind: SERVICE_POST }) { id } }`, { claims: admin });

    expect(codesOf(response)).toEqual(['INTERNAL_SERVER_ERROR']);
  });

  test('given a concurrent transaction conflict, when a station is created, then CONFLICT asks the client to retry', async () => {
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }] }),
    );

    const response = await callGraphql(handler, `mutation { createStation(input: { name: "x", kind: SERVICE_POST }) { id } }`, { claims: admin });

    expect(codesOf(response)).toEqual(['CONFLICT']);
  });
});
