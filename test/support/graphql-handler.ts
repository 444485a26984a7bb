import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import type * as HandlerModule from '../../functions/api/handler';
import type { Role } from '../../functions/domain/caller';
import { TEST_CURSOR_KEY } from './cursor-key';
import type { TestStore } from './test-store';

export interface GraphqlError {
  message: string;
  path?: (string | number)[];
  extensions: { code: string; fields?: { path: string; message: string }[]; requestId?: string; [key: string]: unknown };
}

export interface GraphqlResponse<T = Record<string, any>> {
  status: number;
  data?: T;
  errors?: GraphqlError[];
}

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Claims as API Gateway's JWT authorizer hands them to the Lambda (lists flattened to "[A B]"). */
export function claimsFor(districtId: string, role: Role, officerId?: string): Record<string, string> {
  return {
    sub: `${role.toLowerCase()}-${districtId}`,
    'custom:district': districtId,
    'cognito:groups': `[${role}]`,
    ...(officerId ? { 'custom:officerId': officerId } : {}),
  };
}

/** Loads the real Lambda handler pointed at the test's DynamoDB Local table. */
export async function loadHandler(store: TestStore): Promise<Handler> {
  process.env.TABLE_NAME = store.tableName;
  process.env.DYNAMODB_ENDPOINT = store.endpoint;
  process.env.AWS_REGION = 'local';
  // The test stores' key: a test can open and forge the handler's cursors.
  process.env.CURSOR_KEY = TEST_CURSOR_KEY;
  process.env.POWERTOOLS_LOG_LEVEL = process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR';
  // Required only now: the handler reads the environment when its module loads.
  const module = require('../../functions/api/handler') as typeof HandlerModule;
  return module.handler as unknown as Handler;
}

/** A GraphQL POST as API Gateway (payload 2.0) delivers it, with the authorizer's claims if any. */
export function graphqlEvent(body: unknown, claims?: Record<string, string>): APIGatewayProxyEventV2 {
  const requestContext = {
    accountId: 'test',
    apiId: 'test',
    domainName: 'localhost',
    domainPrefix: 'localhost',
    http: { method: 'POST', path: '/graphql', protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'jest' },
    requestId: randomUUID(),
    routeKey: 'POST /graphql',
    stage: '$default',
    time: new Date().toUTCString(),
    timeEpoch: Date.now(),
    ...(claims ? { authorizer: { jwt: { claims, scopes: [] } } } : {}),
  };
  return {
    version: '2.0',
    routeKey: 'POST /graphql',
    rawPath: '/graphql',
    rawQueryString: '',
    headers: { 'content-type': 'application/json' },
    requestContext,
    body: JSON.stringify(body),
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

export function lambdaContext(): Context {
  return {
    awsRequestId: randomUUID(),
    functionName: 'api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:api',
    memoryLimitInMB: '512',
    logGroupName: '/aws/lambda/api',
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    // Lambda's longest timeout: a busy machine's slow answer must not become SERVICE_UNAVAILABLE here (the deadline's own tests give their contexts little time).
    getRemainingTimeInMillis: () => 900_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Sends one operation through the handler and answers status, data and errors. */
export async function callGraphql<T = Record<string, any>>(
  handler: Handler,
  query: string,
  options: { variables?: Record<string, unknown>; claims?: Record<string, string>; context?: Context } = {},
): Promise<GraphqlResponse<T>> {
  const result = await handler(graphqlEvent({ query, variables: options.variables }, options.claims), options.context ?? lambdaContext());
  const body = JSON.parse(result.body ?? '{}') as { data?: T; errors?: GraphqlError[] };
  return { status: result.statusCode ?? 200, ...body };
}

/** The error codes of a response, in order. */
export const codesOf = (response: GraphqlResponse): string[] => (response.errors ?? []).map((error) => error.extensions.code);
