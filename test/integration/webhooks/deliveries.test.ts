import { createServices, type Services } from '../../../functions/app/services';
import { deliverDomainEvents, InvalidDomainEventError } from '../../../functions/app/webhooks/deliver-events';
import { registerWebhookEndpoint, rotateWebhookSecret } from '../../../functions/app/webhooks/manage-endpoints';
import { sweepDueDeliveries } from '../../../functions/app/webhooks/sweep-deliveries';
import type { Caller } from '../../../functions/domain/caller';
import type { DomainEvent } from '../../../functions/domain/events/domain-event';
import { MAX_ATTEMPTS } from '../../../functions/domain/webhooks/retry-schedule';
import { httpSender } from '../../../functions/webhooks/http-sender';
import { movingClock } from '../../support/moving-clock';
import { createTestStore, type TestStore } from '../../support/test-store';
import { startReceiver, type WebhookReceiver } from '../../support/webhook-receiver';

const DISTRICT = 'dingnan';
const admin: Caller = { subject: 'admin', districtId: DISTRICT, roles: ['ADMIN'] };
const KEY = 'webhook-test-key-material-0123456789abcdef';

let store: TestStore;
let clock: ReturnType<typeof movingClock>;
let services: Services;
let receiver: WebhookReceiver;
const delivery = { send: httpSender({ allowLoopback: true, timeoutMs: 30_000 }) };

const event = (id: string, type: DomainEvent['type'] = 'issue.resolved', sequence = 3): DomainEvent => ({
  id,
  type,
  version: 1,
  districtId: DISTRICT,
  occurredAt: '2026-11-29T10:00:00+08:00',
  subject: { type: 'Issue', id: `issue-${id}` },
  sequence,
  data: { status: 'RESOLVED' },
});

/** Registers an endpoint for `types` at the receiver's URL and tells the receiver its secret. */
async function register(types: DomainEvent['type'][] = ['issue.resolved'], url = receiver.url) {
  const { endpoint, secret } = await registerWebhookEndpoint(services, admin, { input: { url, eventTypes: types } });
  receiver.setSecret(secret);
  return { endpoint, secret };
}

/** Runs the sweeper after moving the clock past each retry, until nothing is due. */
async function sweepForHours(hours: number) {
  for (let minute = 0; minute < hours * 60; minute += 60) {
    clock.advanceMinutes(60);
    await sweepDueDeliveries(services, DISTRICT, delivery);
  }
}

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store.drop());

beforeEach(async () => {
  clock = movingClock('2026-11-29T02:00:00Z');
  // One table for the file: each test registers its own endpoint and receiver, and disables its endpoint when done.
  services = createServices(store, { clock: clock.now, webhookSecretKey: KEY, webhookAddressRules: { allowLoopback: true } });
  receiver = await startReceiver();
});
afterEach(async () => {
  await receiver.close();
  for (const endpoint of await services.webhooks.endpoints.list(DISTRICT)) {
    if (endpoint.status === 'ENABLED') await services.webhooks.endpoints.setStatus(endpoint, 'DISABLED', 'test over', clock.now().toISOString());
  }
});

describe('webhook deliveries', () => {
  test('given an endpoint for issue.resolved, when the event is delivered, then the receiver verifies it with Webhook.verify and gets the envelope', async () => {
    await register();

    const summary = await deliverDomainEvents(services, [event('ev-1'), event('ev-2', 'issue.reported', 1)], delivery);

    expect(summary).toMatchObject({ created: 1, attempts: { DELIVERED: 1 } });
    expect(receiver.received).toEqual([{ id: 'ev-1', verified: true, payload: event('ev-1') }]);
  });

  test('given a receiver that fails 3 times, when the event arrives twice and the sweeper retries, then it gets the event exactly once after de-duplication by webhook-id', async () => {
    const { endpoint } = await register();
    receiver.failNext(3);

    await deliverDomainEvents(services, [event('ev-3')], delivery);
    await deliverDomainEvents(services, [event('ev-3')], delivery);
    await sweepForHours(4);

    expect(receiver.received.map((entry) => entry.verified)).toEqual([true, true, true, true]);
    expect(receiver.uniqueEventIds()).toEqual(['ev-3']);
    const stored = await services.webhooks.deliveries.get(DISTRICT, endpoint.id, 'ev-3');
    expect(stored).toMatchObject({ status: 'DELIVERED', attempts: 4 });
    expect((await services.webhooks.endpoints.get(DISTRICT, endpoint.id))?.failingSince).toBeUndefined();
  });

  test('given an event delivered already, when it arrives again, then no second delivery is created and nothing is sent again', async () => {
    await register();
    await deliverDomainEvents(services, [event('ev-4')], delivery);

    const again = await deliverDomainEvents(services, [event('ev-4')], delivery);

    expect(again).toMatchObject({ created: 0, duplicates: 1 });
    expect(receiver.received).toHaveLength(1);
  });

  test('given a receiver holding the wrong secret, when a delivery arrives, then Webhook.verify refuses it and the delivery is retried', async () => {
    const { endpoint } = await register();
    receiver.setSecret(`whsec_${Buffer.alloc(32, 7).toString('base64')}`);

    const summary = await deliverDomainEvents(services, [event('ev-5')], delivery);

    expect(summary.attempts.RETRYING).toBe(1);
    expect(receiver.received).toEqual([expect.objectContaining({ id: 'ev-5', verified: false })]);
    expect(await services.webhooks.deliveries.get(DISTRICT, endpoint.id, 'ev-5')).toMatchObject({ status: 'PENDING', lastError: 'HTTP 400' });
  });

  test('given a receiver that is down for more than a day, when every retry fails, then the delivery is a dead letter an ADMIN can replay', async () => {
    const { endpoint } = await register();
    receiver.failNext(1000);

    await deliverDomainEvents(services, [event('ev-6')], delivery);
    await sweepForHours(30);

    const dead = await services.webhooks.deliveries.get(DISTRICT, endpoint.id, 'ev-6');
    expect(dead).toMatchObject({ status: 'DEAD', attempts: MAX_ATTEMPTS, lastError: 'HTTP 500' });
    expect(Date.parse(dead!.deadAt!) - Date.parse(dead!.createdAt)).toBeGreaterThanOrEqual(24 * 3600 * 1000);
    const letters = await services.webhooks.deliveries.listDead(DISTRICT, { first: 10 });
    expect(letters.edges.map((edge) => edge.node.eventId)).toContain('ev-6');

    receiver.failNext(0);
    expect(await services.webhooks.deliveries.replay(DISTRICT, endpoint.id, 'ev-6', clock.now().toISOString())).toMatchObject({ status: 'PENDING', attempts: 0 });
    await sweepDueDeliveries(services, DISTRICT, delivery);

    expect(await services.webhooks.deliveries.get(DISTRICT, endpoint.id, 'ev-6')).toMatchObject({ status: 'DELIVERED' });
    expect((await services.webhooks.deliveries.listDead(DISTRICT, { first: 10 })).edges.map((edge) => edge.node.eventId)).not.toContain('ev-6');
    expect(receiver.uniqueEventIds()).toEqual(['ev-6']);
  });

  test('given an endpoint that fails every attempt for days, when it keeps failing, then it is disabled with a reason and its next due delivery is parked unsent', async () => {
    const { endpoint } = await register();
    receiver.failNext(100_000);

    for (let day = 0; day < 6; day += 1) {
      await deliverDomainEvents(services, [event(`ev-day-${day}`)], delivery);
      await sweepForHours(24);
    }

    const disabled = await services.webhooks.endpoints.get(DISTRICT, endpoint.id);
    expect(disabled).toMatchObject({ status: 'DISABLED', disabledReason: expect.stringMatching(/^every delivery failed since .*; last: HTTP 500$/) });
    const sent = receiver.received.length;
    await deliverDomainEvents(services, [event('ev-after')], delivery);
    await sweepForHours(30);
    expect(receiver.received).toHaveLength(sent);
  });

  test('given a batch holding something that is not a domain event, when delivered, then the whole batch is refused before anything is created', async () => {
    const { endpoint } = await register();

    await expect(deliverDomainEvents(services, [event('ev-ok'), { ...event('ev-bad'), type: 'issue.eaten' }], delivery)).rejects.toBeInstanceOf(InvalidDomainEventError);

    expect(await services.webhooks.deliveries.get(DISTRICT, endpoint.id, 'ev-ok')).toBeUndefined();
    expect(receiver.received).toEqual([]);
  });

  test('given a secret rotated a moment ago, when a delivery is sent, then a receiver with either the old or the new secret verifies it', async () => {
    const { endpoint, secret: oldSecret } = await register();
    const rotated = await rotateWebhookSecret(services, admin, { id: endpoint.id });
    receiver.setSecret(oldSecret);
    await deliverDomainEvents(services, [event('ev-7')], delivery);
    receiver.setSecret(rotated.secret);
    await deliverDomainEvents(services, [event('ev-8')], delivery);
    clock.advanceMinutes(25 * 60);
    receiver.setSecret(oldSecret);
    await deliverDomainEvents(services, [event('ev-9')], delivery);

    expect(receiver.received.map((entry) => [entry.id, entry.verified])).toEqual([
      ['ev-7', true],
      ['ev-8', true],
      ['ev-9', false],
    ]);
  });
});
