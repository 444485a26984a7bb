import { Logger } from '@aws-lambda-powertools/logger';
import type { EventBridgeEvent } from 'aws-lambda';
import { deliverDomainEvents } from '../app/webhooks/deliver-events';
import { webhookRuntime } from './services';
import { tracedHandler } from '../shared/tracing';

/**
 * The webhook delivery function: a target of the rule on the district's bus that matches every
 * domain event. Each event's `detail` is the envelope (functions/domain/events/domain-event.ts).
 * A failure throws, so Lambda retries the event and then sends it to the dead-letter queue:
 * deliveries are created once per (event, endpoint), so a retried event sends nothing twice.
 */
const runtime = webhookRuntime();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-webhooks' });

export const handler = tracedHandler({ district: runtime.environment.DISTRICT_ID }, async (event: EventBridgeEvent<string, unknown>): Promise<void> => {
  const summary = await deliverDomainEvents(runtime.services, [event.detail], runtime.delivery);
  logger.info('Webhook deliveries', { eventId: event.id, ...summary });
});
