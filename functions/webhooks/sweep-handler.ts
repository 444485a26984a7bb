import { Logger } from '@aws-lambda-powertools/logger';
import { sweepDueDeliveries } from '../app/webhooks/sweep-deliveries';
import { webhookRuntime } from './services';

/** The retry sweeper, every minute: the stack's district's due deliveries (functions/app/webhooks/sweep-deliveries.ts). */
const runtime = webhookRuntime();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-webhooks' });

export async function handler(): Promise<void> {
  const counts = await sweepDueDeliveries(runtime.services, runtime.environment.DISTRICT_ID, runtime.delivery);
  logger.info('Webhook retries', counts);
}
