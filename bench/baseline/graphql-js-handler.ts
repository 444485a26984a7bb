import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { execute, parse, validate } from 'graphql';
import { callerFromClaims, verifiedClaimsOf } from '../../functions/api/auth/claims';
import { callerOfDeployment } from '../../functions/api/auth/deployment-district';
import { createRequestContext } from '../../functions/api/context';
import { buildExecutableSchema } from '../../functions/api/schema';
import { createServices } from '../../functions/app/services';
import { readEnvironment } from '../../functions/shared/env';

/**
 * Cold-start floor only (bench/cold-start.ts): the API's schema (built as the API builds it),
 * resolvers, services and request context with no server framework at all: graphql-js parses,
 * validates and executes the event's query, and the result is returned as JSON. No document
 * cache, no limits, no error masking, no plugins: no framework starts faster than this over the
 * same schema and resolvers.
 */
const environment = readEnvironment();
const logger = new Logger({ serviceName: 'community-city-services-graphql-js-floor' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });
const schema = buildExecutableSchema();

export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const { query, variables } = JSON.parse(event.body ?? '{}') as { query: string; variables?: Record<string, unknown> };
  const document = parse(query);
  const errors = validate(schema, document);
  if (errors.length > 0) return { statusCode: 400, body: JSON.stringify({ errors }) };
  const contextValue = createRequestContext({
    requestId: context.awsRequestId,
    caller: callerOfDeployment(callerFromClaims(verifiedClaimsOf(event)), environment.DISTRICT_ID),
    clientAddress: event.requestContext.http.sourceIp,
    services,
    logger,
  });
  const result = await execute({ schema, document, variableValues: variables, contextValue });
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify(result) };
}
