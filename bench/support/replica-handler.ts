import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { callerFromClaims, verifiedClaimsOf } from '../../functions/api/auth/claims';
import { createRequestContext } from '../../functions/api/context';
import type { GraphqlRun, PhaseMarks } from '../../functions/api/graphql-execution';
import { graphqlLambdaHandler } from '../../functions/api/graphql-lambda';
import type { Services } from '../../functions/app/services';

export type LambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/**
 * The Lambda handler's wiring (functions/api/handler.ts) around an execution the bench built, so
 * a benchmark can watch the phases or change one option (the document cache) that the real
 * handler keeps private. Same HTTP handling, same request context; no deployment district (the
 * bench table serves two districts, as the local server does).
 */
export function replicaHandler(run: GraphqlRun, services: Services, observe?: (marks: PhaseMarks) => void): LambdaHandler {
  const logger = new Logger({ serviceName: 'bench', logLevel: 'ERROR' });
  return graphqlLambdaHandler({
    run,
    observe,
    contextOf: (event, context) =>
      createRequestContext({
        requestId: context.awsRequestId,
        caller: callerFromClaims(verifiedClaimsOf(event)),
        clientAddress: event.requestContext.http.sourceIp,
        services,
        logger: logger.createChild({ persistentKeys: { requestId: context.awsRequestId } }),
      }),
  });
}
