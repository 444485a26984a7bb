import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DEADLINE_MARGIN_MS } from '../../../functions/api/deadline';
import { callGraphql, claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * The handler's deadline comes from the Lambda context's remaining time, faked here: a context
 * with less time left than the margin has no time for any store call, so nothing waits.
 */
const admin = claimsFor('dingnan', 'ADMIN');
const CREATE = `mutation { createStation(input: { name: "限时驿站", kind: SERVICE_POST }) { id } }`;
const LIST = `{ stations(first: 100) { edges { node { id name } } } }`;

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  handler = await loadHandler(store);
});
afterAll(() => store.drop());

const outOfTime = () => ({ ...lambdaContext(), getRemainingTimeInMillis: () => DEADLINE_MARGIN_MS - 1 });

async function send(query: string, headers: Record<string, string> = {}) {
  const event = graphqlEvent({ query }, admin);
  event.headers = { ...event.headers, ...headers };
  const result = (await handler(event, outOfTime())) as APIGatewayProxyStructuredResultV2;
  return { status: result.statusCode, headers: result.headers ?? {}, body: JSON.parse(String(result.body)) as { data?: unknown; errors?: { message: string; extensions: Record<string, unknown> }[] } };
}

test('given less time left than the margin, when a station is created, then 503 with Retry-After, SERVICE_UNAVAILABLE and nothing written', async () => {
  const before = await callGraphql(handler, LIST, { claims: admin });

  const response = await send(CREATE);

  expect(response.status).toBe(503);
  expect(response.headers['retry-after']).toBe('2');
  expect(response.body.data).toBeNull();
  expect(response.body.errors).toEqual([
    expect.objectContaining({ message: 'The service is busy and could not answer in time; try again later', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } }),
  ]);
  const after = await callGraphql(handler, LIST, { claims: admin });
  expect(after.data!.stations.edges).toEqual(before.data!.stations.edges);
});

test('given less time left than the margin and a Chinese client, when stations are listed, then the message is in Chinese and the code unchanged', async () => {
  const response = await send(LIST, { 'accept-language': 'zh-CN' });

  expect(response.status).toBe(503);
  expect(response.body.errors).toEqual([expect.objectContaining({ message: '服务繁忙，未能及时应答；请稍后重试', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 2 } })]);
});

test('given the usual ten seconds left, when stations are listed, then they are answered', async () => {
  const response = await callGraphql(handler, LIST, { claims: admin });

  expect(response.status).toBe(200);
  expect(response.errors).toBeUndefined();
});
