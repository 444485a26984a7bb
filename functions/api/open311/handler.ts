import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { createServices } from '../../app/services';
import { readEnvironment } from '../../shared/env';
import { createOpen311Server } from './open311-server';
import { tracedHandler } from '../../shared/tracing';

/**
 * The Open311 GeoReport v2 Lambda behind `/open311/v2/{proxy+}` on the public side of the HTTP
 * API: its own small bundle (no GraphQL), the same use cases and store as the API.
 */
const environment = readEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-open311' });
const server = createOpen311Server({
  services: createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION }),
  districtId: environment.DISTRICT_ID,
  logError: (error) => logger.error('Open311 request failed', { error: error as Error }),
});

export const handler = tracedHandler({ district: environment.DISTRICT_ID }, (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => server(event));
