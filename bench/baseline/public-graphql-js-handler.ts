import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { execute, parse, validate } from 'graphql';
import { createRequestContext } from '../../functions/api/context';
import { buildPublicSchema } from '../../functions/api/public-schema';
import { createServices } from '../../functions/app/services';
import { readEnvironment } from '../../functions/shared/env';

/**
 * Cold-start floor only (bench/cold-start.ts): the public function's schema, resolvers, services
 * and request context with no server framework, as graphql-js-handler.ts is for the staff API:
 * graphql-js parses, validates and executes the event's query and the result is returned as JSON.
 * No limits, no persisted queries, no error masking, no log line or metrics: no public function
 * of this schema, store and SDK starts faster than this.
 */
const environment = readEnvironment();
const logger = new Logger({ serviceName: 'community-city-services-public-floor' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });
const schema = buildPublicSchema();

export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const { query, variables } = JSON.parse(event.body ?? '{}') as { query: string; variables?: Record<string, unknown> };
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) return { statusCode: 400, body: JSON.stringify({ errors }) };
  const contextValue = createRequestContext({ requestId: context.awsRequestId, clientAddress: event.requestContext.http.sourceIp, services, logger });
  const result = await execute({ schema, document, variableValues: variables, contextValue });
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
}
