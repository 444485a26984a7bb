import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { performance } from 'node:perf_hooks';
import type { RequestContext } from './context';
import { answeredErrors, formatError, logUnexpectedErrors } from './errors';
import type { GraphqlRun, PhaseMarks } from './graphql-execution';
import { HttpRequestError, readGraphqlRequest, responseContentType } from './graphql-http';
import { OTHER_OPERATION, recordRequest, rootFieldsDimension } from './observability';
import { retryAfterOf } from './retry-after';
import { annotateRequest } from './trace-annotations';

export type GraphqlLambdaHandler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GraphqlLambdaOptions {
  run: GraphqlRun;
  /** The request's context: who calls (from the gateway's verified claims, or nobody), in which language, with which services. */
  contextOf: (event: APIGatewayProxyEventV2, context: Context) => RequestContext;
  /** The bench's view of each request's phases (graphql-execution.ts). */
  observe?: (marks: PhaseMarks) => void;
}

/** Answers carry personal data (phones, contacts, a reporter's own issue): no proxy or browser may keep them. */
const NOT_STORED = { 'cache-control': 'no-store' };
const UNACCEPTABLE = "An 'accept' header was provided for this request which does not accept application/json or application/graphql-response+json";

const respond = (status: number, contentType: string, body: unknown, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => {
  const text = JSON.stringify(body);
  return { statusCode: status, headers: { ...NOT_STORED, ...headers, 'content-type': `${contentType}; charset=utf-8`, 'content-length': String(Buffer.byteLength(text)) }, body: text };
};

/** A request refused before GraphQL: a plain-text 400 for a body that is not JSON, else a BAD_REQUEST error in the GraphQL shape. */
function refusal(error: HttpRequestError, contentType: string): APIGatewayProxyStructuredResultV2 {
  if (error.plain) return { statusCode: 400, body: error.message };
  return respond(error.status, contentType, { errors: [formatError({ message: error.message, extensions: { code: 'BAD_REQUEST' } }, error)] }, error.headers);
}

/**
 * One GraphQL function's handler for API Gateway (HTTP API, payload 2.0), the staff API's and
 * the public function's alike: reads the request (graphql-http.ts), refuses an answer the client
 * cannot accept before anything runs, runs the operation (graphql-execution.ts), then answers
 * with errors masked and in the request's language (errors.ts), `Retry-After` when the answer
 * asks to come back later (retry-after.ts), one log line and metrics record (observability.ts)
 * and the trace annotations (trace-annotations.ts).
 */
export function graphqlLambdaHandler(options: GraphqlLambdaOptions): GraphqlLambdaHandler {
  return async (event, context) => {
    const started = performance.now();
    const contentType = responseContentType(event.headers?.accept ?? event.headers?.Accept);
    if (contentType === null) return refusal(new HttpRequestError(UNACCEPTABLE, 406), 'application/json');
    let request;
    try {
      request = readGraphqlRequest(event);
    } catch (error) {
      if (error instanceof HttpRequestError) return refusal(error, contentType);
      throw error;
    }
    const contextValue = options.contextOf(event, context);
    const answer = await options.run(request, contextValue, options.observe);
    logUnexpectedErrors(answer.errors, contextValue);
    const errors = answer.result.errors ? answeredErrors(answer.result.errors, contextValue) : undefined;
    const retry = retryAfterOf(errors, answer.result.data);
    const status = retry?.status ?? answer.status;
    const rootFields = answer.operation && answer.document ? rootFieldsDimension(answer.operation, answer.document) : OTHER_OPERATION;
    const operationName = answer.operationName ?? request.operationName;
    recordRequest(contextValue, { operationName, rootFields, latencyMs: Math.round((performance.now() - started) * 10) / 10, status, errors: errors ?? [] });
    annotateRequest(operationName, rootFields, errors ?? []);
    return respond(status, contentType, { ...(errors ? { errors } : {}), ...('data' in answer.result ? { data: answer.result.data } : {}) }, { ...answer.headers, ...(retry ? { 'retry-after': retry.retryAfter } : {}) });
  };
}
