import { failingTooLong, nextAttemptAt } from '../../domain/webhooks/retry-schedule';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { Services } from '../services';
import type { WebhookSender } from './sender';
import { signedHeaders } from './signature';

export interface DeliveryOptions {
  send: WebhookSender;
  /**
   * The time a signature carries: the real time by default, whatever `services.clock` says, since
   * the receiver checks it against its own clock. Tests that move `services.clock` a day on keep this real.
   */
  signingClock?: () => Date;
  /** How long an endpoint may fail every attempt before it is disabled (default: domain/webhooks/retry-schedule.ts). */
  disableAfterFailingMs?: number;
}

export type AttemptResult = 'DELIVERED' | 'RETRYING' | 'DEAD' | 'SKIPPED';

/**
 * One attempt of a due delivery, under a claim (so no other worker makes the same attempt):
 * signed, sent, and its outcome recorded. A failure schedules the next retry, or parks the
 * delivery as a dead letter after the last; an endpoint failing too long is disabled with the
 * reason. A delivery whose endpoint is gone or disabled is parked without being sent.
 */
export async function attemptDelivery(services: Services, delivery: WebhookDelivery, endpoint: WebhookEndpoint | undefined, options: DeliveryOptions): Promise<AttemptResult> {
  const { deliveries, endpoints } = services.webhooks;
  const now = services.clock();
  const claimed = await deliveries.claim(delivery, now);
  if (!claimed) return 'SKIPPED';
  if (!endpoint || endpoint.status !== 'ENABLED') {
    await deliveries.park(claimed, now.toISOString(), endpoint ? `endpoint disabled: ${endpoint.disabledReason ?? 'no reason given'}` : 'endpoint removed');
    return 'DEAD';
  }
  const secrets = await endpoints.signingSecrets(endpoint.districtId, endpoint.id, now);
  const headers = signedHeaders(secrets, claimed.eventId, (options.signingClock ?? (() => new Date()))(), claimed.payload);
  const outcome = await options.send({ url: endpoint.url, headers, body: claimed.payload });
  if (outcome.ok) {
    await deliveries.markDelivered(claimed, now.toISOString());
    await endpoints.recordSuccess(endpoint);
    return 'DELIVERED';
  }
  const failingSince = await endpoints.recordFailure(endpoint, now.toISOString());
  const next = nextAttemptAt(claimed.attempts, now);
  if (next) await deliveries.scheduleRetry(claimed, next.toISOString(), outcome.error);
  else await deliveries.park(claimed, now.toISOString(), outcome.error);
  if (failingTooLong(failingSince, now, options.disableAfterFailingMs)) {
    await endpoints.disableFailing(endpoint, `every delivery failed since ${failingSince}; last: ${outcome.error}`, now.toISOString());
  }
  return next ? 'RETRYING' : 'DEAD';
}
