import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { readApiEnvironment } from '../shared/env';
import { callerFromClaims, verifiedClaimsOf } from './auth/claims';
import { callerOfDeployment } from './auth/deployment-district';
import { answerInTime, photoBucketOf } from './answer-in-time';
import { createRequestContext } from './context';
import { preferredLanguage } from './i18n/accept-language';
import { publicBaseUrlOf } from './public-base-url';
import { cursorKeySource } from './cursor-key-source';
import { graphqlLambdaHandler } from './graphql-lambda';
import { staffExecution } from './staff-execution';
import { createServices } from '../app/services';
import { webhookSecretKeySource } from '../shared/webhook-key-source';
import { tracedHandler } from '../shared/tracing';

/**
 * The GraphQL Lambda behind API Gateway's HTTP API (payload 2.0). The caller comes only from
 * the claims the gateway's JWT authorizer verified; the public route carries none. A deployed
 * stack serves one district (`DISTRICT_ID`): a caller of another district is anonymous. Before
 * an operation runs, a token naming an officer is checked against the officer's record
 * (auth/active-officer.ts); answered personal data and ADMIN writes are recorded (audit.ts):
 * staff-execution.ts.
 * Services and the schema are built once per container and reused by its requests; the key of
 * the lists' cursors is read when a list is first paged (cursor-key-source.ts).
 */
const environment = readApiEnvironment();
const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services' });
const services = createServices({
  tableName: environment.TABLE_NAME,
  endpoint: environment.DYNAMODB_ENDPOINT,
  region: environment.AWS_REGION,
  cursorKey: cursorKeySource(environment),
}, {
  webhookSecretKey: webhookSecretKeySource(environment),
  webhookAddressRules: { allowLoopback: environment.WEBHOOK_ALLOW_LOOPBACK },
  photos: photoBucketOf(environment),
});

const graphqlHandler = graphqlLambdaHandler({
  run: staffExecution(),
  contextOf: (event, context) => {
    const claimed = callerFromClaims(verifiedClaimsOf(event), environment.IDENTITY_CLAIM_MAPPING);
    const caller = callerOfDeployment(claimed, environment.DISTRICT_ID);
    if (claimed && !caller) {
      logger.warn('Token of another district treated as anonymous', {
        tokenDistrictId: claimed.districtId,
        deploymentDistrictId: environment.DISTRICT_ID,
      });
    }
    const requestId = context.awsRequestId;
    return createRequestContext({
      requestId,
      caller,
      clientAddress: event.requestContext.http.sourceIp,
      publicBaseUrl: publicBaseUrlOf(event.headers, event.requestContext.domainName),
      // API Gateway (payload 2.0) lower-cases header names and joins repeated headers with commas.
      language: preferredLanguage(event.headers?.['accept-language']),
      services,
      logger: logger.createChild({
        persistentKeys: { requestId, districtId: caller?.districtId, roles: caller?.roles.join(',') ?? 'ANONYMOUS' },
      }),
    });
  },
});

/** Refuses oversized bodies, then answers within the invocation's deadline (answer-in-time.ts), in the invocation's trace subsegment. */
export const handler = tracedHandler({ district: environment.DISTRICT_ID }, (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  answerInTime(graphqlHandler, event, context),
);
