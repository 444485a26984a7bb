import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { callGraphql, claimsFor, codesOf, lambdaContext, loadHandler } from '../../support/graphql-handler';
import type { TestStore } from '../../support/test-store';

/**
 * DynamoDB faults as the handler meets them once the SDK's own retries are spent (the mock
 * answers `send` directly, below nothing): each is answered cleanly, never with its name. The
 * SDK's retries themselves are tested on the wire in test/integration/store/sdk-retries.test.ts.
 */
const dynamo = mockClient(DynamoDBDocumentClient);
const admin = claimsFor('dingnan', 'ADMIN');
let handler: Awaited<ReturnType<typeof loadHandler>>;

const serviceError = (name: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${name}: simulated at arn:aws:dynamodb:cn-north-1:123456789012:table/secret-table`), { name, $fault: 'client', $metadata: { httpStatusCode: 400 }, ...extra });

/** What an exhausted retry leaves: the SDK's last error, unchanged. */
const FAULTS = [
  ['ThrottlingException', () => serviceError('ThrottlingException')],
  ['ProvisionedThroughputExceededException', () => serviceError('ProvisionedThroughputExceededException')],
  ['RequestLimitExceeded', () => serviceError('RequestLimitExceeded')],
  ['a request timeout', () => Object.assign(new Error('Connection timed out after 3000 ms'), { name: 'TimeoutError' })],
  ['a reset socket', () => Object.assign(new Error('socket hang up at 10.0.0.12:443 (/var/task/index.js:1:2)'), { code: 'ECONNRESET' })],
] as const;

const STATION = {
  PK: 'D#dingnan', SK: 'STATION#dn-s-01', type: 'STATION', districtId: 'dingnan', id: 'dn-s-01', name: '富田社区城管服务工作站', kind: 'COMMUNITY_WORKSTATION',
  amenities: [], serviceCode: 'dingnan-ST01AV', active: true, version: 3, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

/** Leaks the checks look for: SDK exception names, AWS resources, addresses, file paths, stack frames. */
const INTERNALS = /Exception|Throttl|RequestLimit|Timeout|ECONN|socket|arn:aws|secret-table|10\.0\.0\.12|\/var\/task|\bat \S+ \(|\.js:\d/;

beforeAll(async () => {
  // The full error is logged on purpose (internal-errors.test.ts checks that); this file looks at responses only.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  handler = await loadHandler({ tableName: 'mocked', endpoint: 'http://127.0.0.1:1' } as TestStore);
});
beforeEach(() => dynamo.reset());

async function expectMaskedWithRequestId(query: string) {
  const context = lambdaContext();
  const response = await callGraphql(handler, query, { claims: admin, context });
  expect(response.status).toBe(200);
  expect(codesOf(response)).toEqual(['INTERNAL_SERVER_ERROR']);
  expect(response.errors![0]!.message).toBe('Internal server error');
  expect(response.errors![0]!.extensions.requestId).toBe(context.awsRequestId);
  expect(JSON.stringify(response)).not.toMatch(INTERNALS);
}

describe('faults after the SDK gave up', () => {
  test.each(FAULTS)('given %s on every read, when a list is queried, then a masked INTERNAL_SERVER_ERROR with the request id', async (_name, fault) => {
    dynamo.on(QueryCommand).rejects(fault());

    await expectMaskedWithRequestId(`{ stations(first: 3) { edges { node { id } } } }`);
  });

  test.each(FAULTS)('given %s on the write, when a station is created, then a masked INTERNAL_SERVER_ERROR and the transaction was sent once', async (_name, fault) => {
    dynamo.on(TransactWriteCommand).rejects(fault());

    await expectMaskedWithRequestId(`mutation { createStation(input: { name: "新驿站", kind: SERVICE_POST }) { id } }`);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});

describe('faults the store retries itself', () => {
  test('given BatchGetItem leaves keys unprocessed once, when a station is read by id, then the retry answers it in full', async () => {
    dynamo
      .on(BatchGetCommand)
      .resolvesOnce({ Responses: { mocked: [] }, UnprocessedKeys: { mocked: { Keys: [{ PK: STATION.PK, SK: STATION.SK }] } } })
      .resolves({ Responses: { mocked: [STATION] } });

    const response = await callGraphql(handler, `{ station(id: "dn-s-01") { id name serviceCode } }`, { claims: admin });

    expect(response.errors).toBeUndefined();
    expect(response.data!.station).toEqual({ id: 'dn-s-01', name: STATION.name, serviceCode: STATION.serviceCode });
    expect(dynamo.commandCalls(BatchGetCommand)).toHaveLength(2);
  });

  test('given a transaction conflict that clears, when a station is updated, then the retry writes it and the answer is the new version', async () => {
    dynamo.on(GetCommand).resolves({ Item: STATION });
    dynamo
      .on(TransactWriteCommand)
      .rejectsOnce(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'TransactionConflict' }] }))
      .resolves({});

    const response = await callGraphql(handler, `mutation { updateStation(input: { id: "dn-s-01", name: "富田驿站" }) { name version } }`, { claims: admin });

    expect(response.errors).toBeUndefined();
    expect(response.data!.updateStation).toEqual({ name: '富田驿站', version: 4 });
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(2);
  });

  test('given the version condition fails (a concurrent update won), when a station is updated, then CONFLICT and no retry', async () => {
    dynamo.on(GetCommand).resolves({ Item: STATION });
    dynamo
      .on(TransactWriteCommand)
      .rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ConditionalCheckFailed' }] }));

    const response = await callGraphql(handler, `mutation { updateStation(input: { id: "dn-s-01", name: "富田驿站" }) { name } }`, { claims: admin });

    expect(codesOf(response)).toEqual(['CONFLICT']);
    expect(response.errors![0]!.message).toMatch(/changed concurrently/);
    expect(dynamo.commandCalls(TransactWriteCommand)).toHaveLength(1);
  });
});
