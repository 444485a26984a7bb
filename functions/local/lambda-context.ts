import { randomUUID } from 'node:crypto';
import type { Context } from 'aws-lambda';

/** The Lambda timeout the local runner pretends to have: API Gateway's integration limit. */
export const LOCAL_TIMEOUT_MS = 29_000;

/** A Lambda context for one local invocation: a fresh request id and a running clock. */
export function createLambdaContext(functionName: string, startedAt: number = Date.now()): Context {
  const unsupported = (name: string) => () => {
    throw new Error(`context.${name}() is not supported: return a value from the async handler`);
  };
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, startedAt + LOCAL_TIMEOUT_MS - Date.now()),
    done: unsupported('done'),
    fail: unsupported('fail'),
    succeed: unsupported('succeed'),
  };
}
