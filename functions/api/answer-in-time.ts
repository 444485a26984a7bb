import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { ApiEnvironment } from '../shared/env';
import { runWithDeadline } from '../shared/deadline';
import { refuseOversizedBody } from './body-limit';
import { requestDeadline } from './deadline';
import type { GraphqlLambdaHandler } from './graphql-lambda';

/**
 * What both GraphQL functions (staff and public) do around GraphQL: refuse an oversized body
 * before it is parsed, then answer within the invocation's deadline (deadline.ts), so a store
 * call still unanswered then is answered SERVICE_UNAVAILABLE.
 */
export async function answerInTime(graphqlHandler: GraphqlLambdaHandler, event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const refused = refuseOversizedBody(event);
  if (refused) return refused;
  const answer = () => graphqlHandler(event, context);
  const deadline = requestDeadline(context);
  return deadline ? runWithDeadline(deadline, answer) : answer();
}

/** The district's photo bucket from the environment both GraphQL functions read; absent where photos are not configured. */
export const photoBucketOf = (environment: ApiEnvironment) =>
  environment.PHOTO_BUCKET ? { bucketName: environment.PHOTO_BUCKET, endpoint: environment.S3_ENDPOINT, region: environment.AWS_REGION } : undefined;
