import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { publishComplianceMetrics } from '../../../functions/compliance/compliance-metrics';
import { callGraphql, claimsFor, loadHandler } from '../../support/graphql-handler';
import type { TestStore } from '../../support/test-store';

/** Logs and EMF metrics switched on (dev mode writes them through the console, which the test reads). */
const dynamo = mockClient(DynamoDBDocumentClient);
let handler: Awaited<ReturnType<typeof loadHandler>>;
let lines: string[];

beforeAll(async () => {
  Object.assign(process.env, { POWERTOOLS_DEV: 'true', POWERTOOLS_LOG_LEVEL: 'INFO', POWERTOOLS_METRICS_DISABLED: 'false' });
  handler = await loadHandler({ tableName: 'mocked', endpoint: 'http://127.0.0.1:1' } as TestStore);
});
afterAll(() => Object.assign(process.env, { POWERTOOLS_DEV: 'false', POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' }));
beforeEach(() => {
  dynamo.reset();
  lines = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args) => void lines.push(args.map(String).join(' ')));
  }
});
afterEach(() => jest.restoreAllMocks());

const records = () => lines.filter((line) => line.trim().startsWith('{')).map((line) => JSON.parse(line) as Record<string, any>);

describe('observability', () => {
  test('given a request, when it is answered, then one JSON log line has request id, district, operation, role and latency, and never the variables', async () => {
    dynamo.on(GetCommand).resolves({ Item: { PK: 'D#dingnan', SK: 'DISTRICT', id: 'dingnan', name: '定南县', timezone: 'Asia/Shanghai', policy: {}, version: 1 } });

    await callGraphql(handler, 'query DistrictName($code: String!) { district { name } stationByServiceCode(code: $code) { name } }', {
      claims: claimsFor('dingnan', 'SUPERVISOR'),
      variables: { code: 'dingnan-13800000000' },
    });

    const request = records().find((record) => record.message === 'graphql request');
    expect(request).toMatchObject({ operation: 'DistrictName', districtId: 'dingnan', roles: 'SUPERVISOR', status: 200 });
    expect(typeof request!.requestId).toBe('string');
    expect(typeof request!.latencyMs).toBe('number');
    expect(lines.join('\n')).not.toContain('13800000000');
  });

  test('given a failed request, when it is answered, then EMF metrics count the request and the error by operation', async () => {
    dynamo.on(GetCommand).rejects(new Error('boom'));

    await callGraphql(handler, 'query Broken { district { name } }', { claims: claimsFor('dingnan', 'ADMIN') });

    const emf = records().find((record) => record._aws && record.operation === 'Broken');
    expect(emf).toMatchObject({ Requests: 1, Errors: 1, operation: 'Broken' });
    expect(emf!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'CommunityCityServices', Dimensions: [expect.arrayContaining(['operation'])] });
    expect(typeof emf!.Latency).toBe('number');
  });

  test('given a compliance run, when its metrics are published, then the compliance rate is a percentage by district', () => {
    publishComplianceMetrics({ districtId: 'xian-gangwu', week: '2026-W47', outcome: 'CREATED', compliant: 3, stations: 4, eventsPublished: 1 });

    expect(records().find((record) => record._aws)).toMatchObject({ district: 'xian-gangwu', ComplianceRate: 75, StationsEvaluated: 4, StationsCompliant: 3 });
  });
});
