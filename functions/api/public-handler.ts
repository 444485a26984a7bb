import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createServices } from '../app/services';
import { readApiEnvironment } from '../shared/env';
import { tracedHandler } from '../shared/tracing';
import { answerInTime, photoBucketOf } from './answer-in-time';
import { createRequestContext } from './context';
import { cursorKeySource } from './cursor-key-source';
import { graphqlExecution } from './graphql-execution';
import { graphqlLambdaHandler } from './graphql-lambda';
import { preferredLanguage } from './i18n/accept-language';
import { publicBaseUrlOf } from './public-base-url';
import { buildPublicSchema } from './public-schema';

/**
 * The public function behind `/public/graphql` (no authorizer): its own Lambda, so residents'
 * traffic has its own concurrency and throttle and cannot take the staff API's. Every request
 * is anonymous, whatever it carries; its schema has only the public operations
 * (public-operations.ts), so anything else is a validation error before it runs.
 *
 * It answers HTTP and runs GraphQL as the staff API does, with the same code (graphql-lambda.ts),
 * over its own schema and with no caller.
 */
const environment = readApiEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services-public' });
const services = createServices({
  tableName: environment.TABLE_NAME,
  endpoint: environment.DYNAMODB_ENDPOINT,
  region: environment.AWS_REGION,
  cursorKey: cursorKeySource(environment),
}, {
  photos: photoBucketOf(environment),
});
const graphqlHandler = graphqlLambdaHandler({
  run: graphqlExecution({ schema: buildPublicSchema(), production: process.env.NODE_ENV === 'production' }),
  contextOf: (event, context) =>
    createRequestContext({
      requestId: context.awsRequestId,
      clientAddress: event.requestContext.http.sourceIp,
      publicBaseUrl: publicBaseUrlOf(event.headers, event.requestContext.domainName),
      language: preferredLanguage(event.headers?.['accept-language']),
      services,
      logger: logger.createChild({ persistentKeys: { requestId: context.awsRequestId, roles: 'ANONYMOUS' } }),
    }),
});

/** Refuses oversized bodies, then answers within the invocation's deadline (answer-in-time.ts), in the invocation's trace subsegment. */
export const handler = tracedHandler({ district: environment.DISTRICT_ID }, (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  answerInTime(graphqlHandler, event, context),
);
