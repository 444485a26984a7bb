import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { Logger } from '@aws-lambda-powertools/logger';
import { createServices } from '../app/services';
import { parseScheduledEvent } from '../domain/duty/scheduled-event';
import { readJobEnvironment } from '../shared/env';
import { publishComplianceMetrics } from './compliance-metrics';
import { EventBridgePublisher } from './eventbridge-publisher';
import { runScheduledCompliance, type ComplianceRunSummary } from '../app/compliance/scheduled-run';
import { traced, tracedHandler } from '../shared/tracing';

/**
 * Scheduled Lambda (EventBridge Scheduler, Mondays 02:00 district time): evaluates last week's
 * service-hour compliance, stores the report and publishes the non-compliant stations to the
 * district's event bus. A failure throws (async retries, then the dead-letter queue).
 */
const environment = readJobEnvironment();
if (!environment.EVENT_BUS_NAME) throw new Error('Invalid environment: EVENT_BUS_NAME is required by the compliance job');
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-compliance' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });
const publisher = new EventBridgePublisher(traced(new EventBridgeClient({ region: environment.AWS_REGION })), environment.EVENT_BUS_NAME);

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, async (event: unknown): Promise<ComplianceRunSummary> => {
  const summary = await runScheduledCompliance(services, publisher, environment.DISTRICT_ID, parseScheduledEvent(event), services.clock());
  logger.info('Compliance evaluated', { ...summary });
  publishComplianceMetrics(summary);
  return summary;
});
