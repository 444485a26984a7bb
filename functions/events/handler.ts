import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { Logger } from '@aws-lambda-powertools/logger';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { readEventsEnvironment } from '../shared/env';
import { EventBridgeEventPublisher } from './eventbridge-publisher';
import { relayBatch } from './relay-batch';
import type { OutboxStreamRecord } from './stream-records';
import { traced, tracedHandler } from '../shared/tracing';

/**
 * The outbox relay: a DynamoDB Streams consumer (its event source mapping selects outbox
 * inserts) that publishes each domain event to the district's bus. Partial batch response: the
 * first record not published is reported, and the stream retries from it; after the mapping's
 * retries a batch goes to the dead-letter queue. Only ids, types and counts are logged.
 */
const environment = readEventsEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-events' });
const publisher = new EventBridgeEventPublisher(traced(new EventBridgeClient({ region: environment.AWS_REGION })), environment.EVENT_BUS_NAME);

export const handler = tracedHandler({}, async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const outcome = await relayBatch(event.Records as OutboxStreamRecord[], publisher);
  if (outcome.failedAt === undefined) {
    logger.info('Events published', { records: event.Records.length, published: outcome.published });
    return { batchItemFailures: [] };
  }
  logger.warn('Events not all published', { records: event.Records.length, published: outcome.published, failedAt: outcome.failedAt, problem: outcome.problem });
  return { batchItemFailures: [{ itemIdentifier: outcome.failedAt }] };
});
