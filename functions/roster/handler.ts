import { Logger } from '@aws-lambda-powertools/logger';
import { createServices } from '../app/services';
import { parseScheduledEvent } from '../domain/duty/scheduled-event';
import { readJobEnvironment } from '../shared/env';
import { runScheduledRoster, type RosterRunSummary } from '../app/roster/scheduled-run';
import { tracedHandler } from '../shared/tracing';

/**
 * Scheduled Lambda (EventBridge Scheduler, Fridays 18:00 district time): plans next week's
 * roster for the stack's district. A failure throws, so Lambda's async retries and then the
 * dead-letter queue take it; a retry stores the same roster.
 */
const environment = readJobEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-roster' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, async (event: unknown): Promise<RosterRunSummary> => {
  const summary = await runScheduledRoster(services, environment.DISTRICT_ID, parseScheduledEvent(event), services.clock());
  logger.info('Roster planned', { ...summary });
  return summary;
});
