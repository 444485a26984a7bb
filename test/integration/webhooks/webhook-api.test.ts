import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { createServices } from '../../../functions/app/services';
import { deliverDomainEvents } from '../../../functions/app/webhooks/deliver-events';
import type { DomainEvent } from '../../../functions/domain/events/domain-event';
import { httpSender } from '../../../functions/webhooks/http-sender';
import { callGraphql, claimsFor, codesOf, loadHandler } from '../../support/graphql-handler';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';
import { startReceiver, type WebhookReceiver } from '../../support/webhook-receiver';

const KEY = 'webhook-api-test-key-material-0123456789';
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');

const ENDPOINT_FIELDS = 'id url eventTypes description status disabledReason failingSince secretRotatedAt createdAt updatedAt version';
const REGISTER = `mutation R($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret endpoint { ${ENDPOINT_FIELDS} } } }`;
const ROTATE = `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { id version secretRotatedAt } } }`;
const DISABLE = `mutation D($id: ID!) { disableWebhookEndpoint(id: $id) { id status disabledReason version } }`;
const ENABLE = `mutation E($id: ID!) { enableWebhookEndpoint(id: $id) { id status disabledReason version } }`;
const LIST = `{ webhookEndpoints { ${ENDPOINT_FIELDS} } }`;
const DEAD = `query D($first: Int, $after: String) { webhookDeadLetters(first: $first, after: $after) { edges { cursor node { id eventId eventType status attempts lastError deadAt } } pageInfo { hasNextPage endCursor } } }`;
const REPLAY = `mutation R($id: ID!) { replayWebhookDeadLetter(id: $id) { id status attempts nextAttemptAt } }`;

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let receiver: WebhookReceiver;

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  process.env.WEBHOOK_SECRET_KEY = KEY;
  process.env.WEBHOOK_ALLOW_LOOPBACK = 'true';
  handler = await loadHandler(store);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await store.drop();
});

const register = (input: Record<string, unknown>, claims = admin) => callGraphql(handler, REGISTER, { variables: { input }, claims });

describe('webhook endpoints through the API', () => {
  test('given an ADMIN, when an endpoint is registered, then its whsec_ secret is shown once and never listed, and a delivery signed with it verifies', async () => {
    const response = await register({ url: receiver.url, eventTypes: ['issue.closed'], description: '居民小程序后端' });

    expect(response.errors).toBeUndefined();
    const { secret, endpoint } = response.data!.registerWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(endpoint).toMatchObject({ url: receiver.url, eventTypes: ['issue.closed'], status: 'ENABLED', version: 1, failingSince: null });
    expect(endpoint.createdAt).toMatch(/\+08:00$/);

    const listed = await callGraphql(handler, LIST, { claims: admin });
    expect(listed.data!.webhookEndpoints).toEqual([endpoint]);
    expect(JSON.stringify(listed)).not.toContain(secret.slice(6));
    const stored = await store.doc.send(new GetCommand({ TableName: store.tableName, Key: { PK: 'D#dingnan', SK: `WEBHOOK#${endpoint.id}` } }));
    expect(JSON.stringify(stored.Item)).not.toContain(secret.slice(6));

    receiver.setSecret(secret);
    const services = createServices(store, { webhookSecretKey: KEY, webhookAddressRules: { allowLoopback: true } });
    const event: DomainEvent = {
      id: 'api-ev-1',
      type: 'issue.closed',
      version: 1,
      districtId: 'dingnan',
      occurredAt: '2026-11-29T10:00:00+08:00',
      subject: { type: 'Issue', id: 'i-1' },
      sequence: 5,
      data: {},
    };
    await deliverDomainEvents(services, [event], { send: httpSender({ allowLoopback: true }) });
    expect(receiver.received).toEqual([{ id: 'api-ev-1', verified: true, payload: event }]);
  });

  test('given bad input, when registering, then BAD_USER_INPUT names each field and nothing is written', async () => {
    const before = (await callGraphql(handler, LIST, { claims: admin })).data!.webhookEndpoints.length;

    const response = await register({ url: 'ftp://hooks.example.cn', eventTypes: ['issue.eaten'] });

    expect(codesOf(response)).toEqual(['BAD_USER_INPUT']);
    expect(response.errors![0]!.extensions.fields).toEqual([
      { path: 'input.url', message: 'must be an http or https URL' },
      { path: 'input.eventTypes.0', message: 'is not a domain event type' },
    ]);
    expect((await callGraphql(handler, LIST, { claims: admin })).data!.webhookEndpoints).toHaveLength(before);
  });

  test('given a SUPERVISOR or no token, when calling any webhook operation, then FORBIDDEN or UNAUTHENTICATED', async () => {
    expect(codesOf(await register({ url: receiver.url, eventTypes: ['issue.closed'] }, supervisor))).toEqual(['FORBIDDEN']);
    expect(codesOf(await callGraphql(handler, LIST, { claims: supervisor }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await callGraphql(handler, DEAD, { claims: supervisor }))).toEqual(['FORBIDDEN']);
    expect(codesOf(await callGraphql(handler, LIST, {}))).toEqual(['UNAUTHENTICATED']);
  });

  test('given an endpoint, when its secret is rotated and it is disabled and enabled, then each answers the new state and the new secret is another', async () => {
    const { endpoint, secret } = (await register({ url: receiver.url, eventTypes: ['roster.published'] })).data!.registerWebhookEndpoint;

    const rotated = await callGraphql(handler, ROTATE, { variables: { id: endpoint.id }, claims: admin });
    expect(rotated.data!.rotateWebhookSecret).toMatchObject({ endpoint: { id: endpoint.id, version: 2 } });
    expect(rotated.data!.rotateWebhookSecret.secret).toMatch(/^whsec_/);
    expect(rotated.data!.rotateWebhookSecret.secret).not.toBe(secret);

    const disabled = await callGraphql(handler, DISABLE, { variables: { id: endpoint.id }, claims: admin });
    expect(disabled.data!.disableWebhookEndpoint).toEqual({ id: endpoint.id, status: 'DISABLED', disabledReason: 'disabled by an ADMIN', version: 3 });
    const enabled = await callGraphql(handler, ENABLE, { variables: { id: endpoint.id }, claims: admin });
    expect(enabled.data!.enableWebhookEndpoint).toEqual({ id: endpoint.id, status: 'ENABLED', disabledReason: null, version: 4 });

    expect(codesOf(await callGraphql(handler, ROTATE, { variables: { id: 'no-such-endpoint' }, claims: admin }))).toEqual(['NOT_FOUND']);
  });

  test('given a dead letter, when an ADMIN lists and replays it, then it is PENDING again, due now, and replaying twice is CONFLICT', async () => {
    const { endpoint } = (await register({ url: receiver.url, eventTypes: ['issue.rated'] })).data!.registerWebhookEndpoint;
    const services = createServices(store, { webhookSecretKey: KEY });
    const delivery = {
      districtId: 'dingnan',
      endpointId: endpoint.id,
      eventId: 'api-ev-dead',
      eventType: 'issue.rated' as const,
      payload: '{}',
      status: 'PENDING' as const,
      attempts: 0,
      nextAttemptAt: new Date().toISOString(),
      createdAt: new Date().toISOString(),
    };
    await services.webhooks.deliveries.createIfNew(delivery);
    const claimed = await services.webhooks.deliveries.claim(delivery, new Date());
    await services.webhooks.deliveries.park(claimed!, new Date().toISOString(), 'HTTP 503');

    const letters = await callGraphql(handler, DEAD, { variables: { first: 10 }, claims: admin });
    const letter = letters.data!.webhookDeadLetters.edges.map((edge: any) => edge.node).find((node: any) => node.eventId === 'api-ev-dead');
    expect(letter).toMatchObject({ id: `${endpoint.id}~api-ev-dead`, eventType: 'issue.rated', status: 'DEAD', attempts: 1, lastError: 'HTTP 503' });

    const replayed = await callGraphql(handler, REPLAY, { variables: { id: letter.id }, claims: admin });
    expect(replayed.data!.replayWebhookDeadLetter).toMatchObject({ id: letter.id, status: 'PENDING', attempts: 0 });
    expect(codesOf(await callGraphql(handler, REPLAY, { variables: { id: letter.id }, claims: admin }))).toEqual(['CONFLICT']);
    expect(codesOf(await callGraphql(handler, REPLAY, { variables: { id: 'not-a-delivery' }, claims: admin }))).toEqual(['BAD_USER_INPUT']);
  });
});
