import { domainEventSchema, type DomainEvent } from '../../domain/events/domain-event';
import { subscribesTo, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { Services } from '../services';
import { attemptDelivery, type AttemptResult, type DeliveryOptions } from './attempt-delivery';

/** An envelope that is not a domain event: a producer's bug, refused whole so its batch is retried and then dead-lettered upstream, not skipped. */
export class InvalidDomainEventError extends Error {
  readonly code = 'INVALID_DOMAIN_EVENT';

  constructor(problems: string, options?: ErrorOptions) {
    super(`Not a domain event: ${problems}`, options);
    this.name = 'InvalidDomainEventError';
  }
}

export interface DeliverySummary {
  /** Deliveries created by this call (one per new (event, subscribed endpoint)). */
  created: number;
  /** Events that already had their delivery to an endpoint: a redelivered event, nothing created or sent again. */
  duplicates: number;
  attempts: Record<AttemptResult, number>;
}

/**
 * The entry point of webhook deliveries: takes domain events (from the district's bus or the
 * local stream consumer) and delivers each to every ENABLED endpoint of its district that
 * subscribes to its type. Each (event, endpoint) gets one delivery item, created only if it does
 * not exist yet, so however often an event arrives it is delivered once; a new delivery is tried
 * at once, and the sweeper (sweep-deliveries.ts) retries it when that fails. Safe to call again
 * with the same events after any failure: created deliveries are due and the sweeper takes them.
 */
export async function deliverDomainEvents(services: Services, events: readonly unknown[], options: DeliveryOptions): Promise<DeliverySummary> {
  const parsed = events.map(parseEvent);
  const summary: DeliverySummary = { created: 0, duplicates: 0, attempts: { DELIVERED: 0, RETRYING: 0, DEAD: 0, SKIPPED: 0 } };
  const endpointsOf = cachedPerDistrict(services);
  for (const event of parsed) {
    const subscribed = (await endpointsOf(event.districtId)).filter((endpoint) => subscribesTo(endpoint, event.type));
    await Promise.all(
      subscribed.map(async (endpoint) => {
        const delivery = newDelivery(event, endpoint, services.clock().toISOString());
        if (!(await services.webhooks.deliveries.createIfNew(delivery))) {
          summary.duplicates += 1;
          return;
        }
        summary.created += 1;
        summary.attempts[await attemptDelivery(services, delivery, endpoint, options)] += 1;
      }),
    );
  }
  return summary;
}

function parseEvent(event: unknown): DomainEvent {
  const parsed = domainEventSchema.safeParse(event);
  if (!parsed.success) throw new InvalidDomainEventError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '), { cause: parsed.error });
  return parsed.data;
}

const newDelivery = (event: DomainEvent, endpoint: WebhookEndpoint, now: string): WebhookDelivery => ({
  districtId: event.districtId,
  endpointId: endpoint.id,
  eventId: event.id,
  eventType: event.type,
  payload: JSON.stringify(event),
  status: 'PENDING',
  attempts: 0,
  nextAttemptAt: now,
  createdAt: now,
});

/** The endpoints of a district, read once per call however many of its events the batch holds. */
function cachedPerDistrict(services: Services): (districtId: string) => Promise<WebhookEndpoint[]> {
  const read = new Map<string, Promise<WebhookEndpoint[]>>();
  return (districtId) => {
    let endpoints = read.get(districtId);
    if (!endpoints) read.set(districtId, (endpoints = services.webhooks.endpoints.list(districtId)));
    return endpoints;
  };
}
