import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { webhookDeadLetterArguments, webhookDeliveryIdArguments } from '../../domain/validation/webhook-inputs';
import { parseDeliveryId, type WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import { ConflictError, NotFoundError } from '../../shared/errors';
import type { Connection } from '../../store/connection';
import type { Services } from '../services';

/** webhookDeadLetters (ADMIN): deliveries whose retries ran out, newest first. */
export async function listWebhookDeadLetters(services: Services, caller: Caller | undefined, args: unknown): Promise<Connection<WebhookDelivery>> {
  const { districtId } = requireOperation(caller, 'manageWebhooks');
  const page = parseArguments(webhookDeadLetterArguments, args);
  return services.webhooks.deliveries.listDead(districtId, page);
}

/**
 * replayWebhookDeadLetter (ADMIN): the dead letter is PENDING again, due now, with a fresh set
 * of retries; the sweeper delivers it within its next run. Its endpoint must be enabled first
 * (a disabled endpoint's deliveries would only die again). The same event id is sent, so a
 * receiver that did get it after all de-duplicates it.
 */
export async function replayWebhookDeadLetter(services: Services, caller: Caller | undefined, args: unknown): Promise<WebhookDelivery> {
  const { districtId } = requireOperation(caller, 'manageWebhooks');
  const { id } = parseArguments(webhookDeliveryIdArguments, args);
  const { endpointId, eventId } = parseDeliveryId(id)!;
  const [endpoint, delivery] = await Promise.all([services.webhooks.endpoints.get(districtId, endpointId), services.webhooks.deliveries.get(districtId, endpointId, eventId)]);
  if (!endpoint || !delivery) throw new NotFoundError('WebhookDelivery', id);
  if (endpoint.status !== 'ENABLED') throw new ConflictError(`Webhook endpoint ${endpointId} is disabled: enable it before replaying its deliveries`);
  const replayed = await services.webhooks.deliveries.replay(districtId, endpointId, eventId, services.clock().toISOString());
  if (!replayed) throw new ConflictError(`Webhook delivery ${id} is not a dead letter`);
  return replayed;
}
