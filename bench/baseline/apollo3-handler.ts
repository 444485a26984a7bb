import { Logger } from '@aws-lambda-powertools/logger';
import { ApolloServer, type Config } from 'apollo-server-lambda';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readEnvironment } from '../../functions/shared/env';
import { callerFromClaims, verifiedClaimsOf } from '../../functions/api/auth/claims';
import { callerOfDeployment } from '../../functions/api/auth/deployment-district';
import { createRequestContext } from '../../functions/api/context';
import { resolvers } from '../../functions/api/resolvers';
import { createServices } from '../../functions/app/services';
import { typeDefs } from '../../functions/api/type-defs';

/**
 * Cold-start baseline only (bench/cold-start.ts): the API's schema, resolvers and request context
 * served through apollo-server-lambda 3 (Apollo Server 3 on express and
 * @vendia/serverless-express; end of life since October 2024, never deployed). Built once per
 * container as functions/api/handler.ts is; bundled with the same esbuild settings.
 */
const environment = readEnvironment();
const logger = new Logger({ serviceName: 'community-city-services-apollo3-baseline' });
const services = createServices({ tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION });

const server = new ApolloServer({
  typeDefs,
  resolvers: resolvers as unknown as Config['resolvers'],
  cache: 'bounded',
  context: ({ event, context }: { event: APIGatewayProxyEventV2; context: { awsRequestId: string } }) => {
    const caller = callerOfDeployment(callerFromClaims(verifiedClaimsOf(event)), environment.DISTRICT_ID);
    return createRequestContext({
      requestId: context.awsRequestId,
      caller,
      clientAddress: event.requestContext.http.sourceIp,
      services,
      logger: logger.createChild({ persistentKeys: { requestId: context.awsRequestId } }),
    });
  },
});

export const handler = server.createHandler();
