import { Logger } from '@aws-lambda-powertools/logger';
import type { ApolloServer } from '@apollo/server';
import { handlers, startServerAndCreateLambdaHandler } from '@as-integrations/aws-lambda';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { callerFromClaims, verifiedClaimsOf } from '../../functions/api/auth/claims';
import { createRequestContext, type RequestContext } from '../../functions/api/context';
import type { Services } from '../../functions/app/services';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The Lambda handler's wiring (functions/api/handler.ts) around a server the bench built, so a
 * benchmark can add a plugin (phase timings) or change one option (the document cache) that the
 * real handler keeps private. Same integration, same request context; no deployment district
 * (the bench table serves two districts, as the local server does).
 */
export function replicaHandler(server: ApolloServer<RequestContext>, services: Services): LambdaHandler {
  const logger = new Logger({ serviceName: 'bench', logLevel: 'ERROR' });
  const handler = startServerAndCreateLambdaHandler(server, handlers.createAPIGatewayProxyEventV2RequestHandler(), {
    context: async ({ event, context }) => {
      const caller = callerFromClaims(verifiedClaimsOf(event));
      return createRequestContext({
        requestId: context.awsRequestId,
        caller,
        clientAddress: event.requestContext.http.sourceIp,
        services,
        logger: logger.createChild({ persistentKeys: { requestId: context.awsRequestId } }),
      });
    },
  });
  return (event, context) => handler(event, context, () => undefined) as Promise<APIGatewayProxyStructuredResultV2>;
}
