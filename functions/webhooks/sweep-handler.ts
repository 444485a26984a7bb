import { Logger } from '@aws-lambda-powertools/logger';
import { sweepDueDeliveries } from '../app/webhooks/sweep-deliveries';
import { webhookRuntime } from './services';
import { tracedHandler } from '../shared/tracing';

/** The retry sweeper, every minute: the stack's district's due deliveries (functions/app/webhooks/sweep-deliveries.ts). */
const runtime = webhookRuntime();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-webhooks' });

export const handler = tracedHandler({ district: runtime.environment.DISTRICT_ID }, async (): Promise<void> => {
  const counts = await sweepDueDeliveries(runtime.services, runtime.environment.DISTRICT_ID, runtime.delivery);
  logger.info('Webhook retries', counts);
});
