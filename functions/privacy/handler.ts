import { Logger } from '@aws-lambda-powertools/logger';
import { createServices } from '../app/services';
import { runScheduledErasure, type ErasureRunSummary } from '../app/privacy/scheduled-erasure';
import { DEFAULT_RETENTION_DAYS } from '../domain/privacy/personal-data';
import { readJobEnvironment } from '../shared/env';
import { tracedHandler } from '../shared/tracing';

/**
 * Scheduled Lambda (EventBridge Scheduler, daily 03:00 district time): erases the reporter's
 * data of the stack's district's issues closed more than PERSONAL_DATA_RETENTION_DAYS ago.
 * A failure throws, so Lambda's async retries and then the dead-letter queue take it; a retry
 * erases only what is left. The summary logged holds counts, never a contact.
 */
const environment = readJobEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-erasure' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, async (): Promise<ErasureRunSummary> => {
  const summary = await runScheduledErasure(services, environment.DISTRICT_ID, environment.PERSONAL_DATA_RETENTION_DAYS ?? DEFAULT_RETENTION_DAYS, services.clock());
  logger.info('Reporter data erased', { ...summary });
  return summary;
});
