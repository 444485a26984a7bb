import { Logger } from '@aws-lambda-powertools/logger';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { createServices } from '../app/services';
import { readApiEnvironment } from '../shared/env';
import { tracedHandler } from '../shared/tracing';
import { answerInTime, photoBucketOf } from './answer-in-time';
import { createRequestContext } from './context';
import { cursorKeySource } from './cursor-key-source';
import { answeredErrors, formatError, logUnexpectedErrors } from './errors';
import { preferredLanguage } from './i18n/accept-language';
import { OTHER_OPERATION, recordRequest, rootFieldsDimension } from './observability';
import { publicBaseUrlOf } from './public-base-url';
import { publicGraphql } from './public-graphql';
import { HttpRequestError, readGraphqlRequest, responseContentType } from './public-http';
import { buildPublicSchema } from './public-schema';
import { retryAfterOf } from './retry-after';
import { annotateRequest } from './tracing-plugin';

/**
 * The public function behind `/public/graphql` (no authorizer): its own Lambda, so residents'
 * traffic has its own concurrency and throttle and cannot take the staff API's. Every request
 * is anonymous, whatever it carries; its schema has only the public operations
 * (public-operations.ts), so anything else is a validation error before it runs.
 *
 * No server framework: Apollo Server and its plugins cost more of a cold start than the whole
 * public schema does (docs/performance.md). graphql-js runs the operation (public-graphql.ts);
 * the HTTP semantics (public-http.ts), error masking and languages (errors.ts), Retry-After
 * (retry-after.ts), the log line and metrics (observability.ts) and the trace annotations
 * (tracing-plugin.ts) are the staff API's own, called rather than plugged in.
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
const run = publicGraphql({ schema: buildPublicSchema(), production: process.env.NODE_ENV === 'production' });

const respond = (status: number, contentType: string, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => {
  const text = JSON.stringify(body);
  return { statusCode: status, headers: { ...headers, 'content-type': `${contentType}; charset=utf-8`, 'content-length': String(Buffer.byteLength(text)) }, body: text };
};

/** A request refused before GraphQL: a plain-text 400 for a body that is not JSON, else a BAD_REQUEST error as the staff API answers it. */
function refusal(error: HttpRequestError, contentType: string): APIGatewayProxyStructuredResultV2 {
  if (error.plain) return { statusCode: 400, body: error.message };
  return respond(error.status, contentType, { errors: [formatError({ message: error.message, extensions: { code: 'BAD_REQUEST' } }, error)] }, error.headers);
}

async function graphqlHandler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  const started = performance.now();
  const accept = event.headers?.accept ?? event.headers?.Accept;
  const contentType = responseContentType(accept);
  let request;
  try {
    request = readGraphqlRequest(event);
  } catch (error) {
    if (error instanceof HttpRequestError) return refusal(error, contentType ?? 'application/json');
    throw error;
  }
  const requestId = context.awsRequestId;
  const contextValue = createRequestContext({
    requestId,
    clientAddress: event.requestContext.http.sourceIp,
    publicBaseUrl: publicBaseUrlOf(event.headers, event.requestContext.domainName),
    language: preferredLanguage(event.headers?.['accept-language']),
    services,
    logger: logger.createChild({ persistentKeys: { requestId, roles: 'ANONYMOUS' } }),
  });
  const answer = await run(request, contextValue);
  logUnexpectedErrors(answer.errors, contextValue);
  const errors = answer.result.errors ? answeredErrors(answer.result.errors, contextValue) : undefined;
  const retry = retryAfterOf(errors, answer.result.data);
  const status = retry?.status ?? answer.status;
  const rootFields = answer.operation && answer.document ? rootFieldsDimension(answer.operation, answer.document) : OTHER_OPERATION;
  const operationName = answer.operationName ?? request.operationName;
  recordRequest(contextValue, { operationName, rootFields, latencyMs: Math.round((performance.now() - started) * 10) / 10, status, errors: errors ?? [] });
  annotateRequest(operationName, rootFields, errors ?? []);
  if (contentType === null) {
    return refusal(new HttpRequestError("An 'accept' header was provided for this request which does not accept application/json or application/graphql-response+json", 406), 'application/json');
  }
  return respond(status, contentType, { ...(errors ? { errors } : {}), ...('data' in answer.result ? { data: answer.result.data } : {}) }, { ...answer.headers, ...(retry ? { 'retry-after': retry.retryAfter } : {}) });
}

/** Refuses oversized bodies, then answers within the invocation's deadline (answer-in-time.ts), in the invocation's trace subsegment. */
export const handler = tracedHandler({ district: environment.DISTRICT_ID }, (event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> =>
  answerInTime(graphqlHandler, event, context),
);
