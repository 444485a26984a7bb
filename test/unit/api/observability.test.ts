import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { publishComplianceMetrics } from '../../../functions/compliance/compliance-metrics';
import { callGraphql, claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
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
const requestLog = () => records().find((record) => record.message === 'graphql request');
const emf = () => records().find((record) => record._aws);
const district = { Item: { PK: 'D#dingnan', SK: 'DISTRICT', id: 'dingnan', name: '定南县', timezone: 'Asia/Shanghai', policy: {}, version: 1 } };

/** One POST with whatever body the client chose (an operationName too). */
const send = (body: Record<string, unknown>) => handler(graphqlEvent(body, claimsFor('dingnan', 'ADMIN')), lambdaContext());
const PHONE = '13800000000';
const HUGE_NAME = `Lookup${PHONE}${'x'.repeat(20_000)}`;

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

    const metrics = records().find((record) => record._aws && record.operation === 'district');
    expect(metrics).toMatchObject({ Requests: 1, Errors: 1, operation: 'district' });
    expect(metrics!._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'CommunityCityServices', Dimensions: [expect.arrayContaining(['operation'])] });
    expect(typeof metrics!.Latency).toBe('number');
  });

  test('given an operation, when it is answered, then the metric dimension is its root fields sorted (aliases and fragments resolved), never the name the client chose', async () => {
    dynamo.on(GetCommand).resolves(district);

    await callGraphql(handler, 'query ClientChosen { b: stationByServiceCode(code: "x") { name } ...Root } fragment Root on Query { a: district { name } }', {
      claims: claimsFor('dingnan', 'ADMIN'),
    });

    expect(emf()).toMatchObject({ operation: 'district,stationByServiceCode' });
    expect(requestLog()).toMatchObject({ operation: 'ClientChosen', rootFields: 'district,stationByServiceCode' });
  });

  test.each([
    ['more than three root fields', '{ district { id } grids { edges { node { id } } } officers { edges { node { id } } } stations { edges { node { id } } } }'],
    ['a document that fails validation', '{ noSuchField }'],
    ['a document that does not parse', '{ district {'],
  ])('given %s, when answered, then the metric dimension is `other`', async (_label, query) => {
    await callGraphql(handler, query, { claims: claimsFor('dingnan', 'ADMIN') });

    expect(emf()).toMatchObject({ operation: 'other' });
  });

  test('given a 20 KB operationName with a phone number in the body, when the document has no such operation, then neither the log nor the metrics carry it', async () => {
    const result = await send({ query: '{ district { name } }', operationName: HUGE_NAME });

    expect(JSON.parse(result.body!).errors[0].extensions.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(requestLog()).toMatchObject({ operation: '(invalid)', rootFields: 'other' });
    expect(emf()).toMatchObject({ operation: 'other' });
    expect(lines.join('\n')).not.toContain(PHONE);
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThan(2_000);
  });

  test('given a 20 KB operation name with a phone number in the document, when it runs, then the log has no name and the metrics its root fields', async () => {
    dynamo.on(GetCommand).resolves(district);

    const result = await send({ query: `query ${HUGE_NAME} { district { name } }`, operationName: HUGE_NAME });

    expect(JSON.parse(result.body!)).toEqual({ data: { district: { name: '定南县' } } });
    expect(requestLog()).toMatchObject({ operation: '(invalid)', rootFields: 'district' });
    expect(emf()).toMatchObject({ operation: 'district' });
    expect(lines.join('\n')).not.toContain(PHONE);
  });

  test.each([
    ['a name of 100 characters', `Q${'x'.repeat(99)}`, `Q${'x'.repeat(99)}`],
    ['a name of 101 characters', `Q${'x'.repeat(100)}`, '(invalid)'],
    ['a name outside the GraphQL grammar', 'x y\nlevel=ERROR', '(invalid)'],
    ['no name', undefined, 'anonymous'],
  ])('given %s sent as operationName, when answered, then the log line names the operation only if it is a bounded GraphQL name', async (_label, operationName, logged) => {
    await send({ query: '{ __typename }', ...(operationName === undefined ? {} : { operationName }) });

    expect(requestLog()).toMatchObject({ operation: logged });
  });

  test('given a compliance run, when its metrics are published, then the compliance rate is a percentage by district', () => {
    publishComplianceMetrics({ districtId: 'xian-gangwu', week: '2026-W47', outcome: 'CREATED', compliant: 3, stations: 4, eventsPublished: 1 });

    expect(records().find((record) => record._aws)).toMatchObject({ district: 'xian-gangwu', ComplianceRate: 75, StationsEvaluated: 4, StationsCompliant: 3 });
  });
});
