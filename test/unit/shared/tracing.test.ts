import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { annotate, traced, tracer, withHandlerSegment } from '../../../functions/shared/tracing';

test('given no Lambda environment (tests, the local server), when the tracer is asked, then tracing is off', () => {
  expect(process.env.AWS_EXECUTION_ENV).toBeUndefined();
  expect(tracer.isTracingEnabled()).toBe(false);
});

test('given tracing off, when a client is traced, then it is the same client with no X-Ray middleware', () => {
  const client = new DynamoDBClient({ region: 'cn-north-1' });

  expect(traced(client)).toBe(client);
  expect(client.middlewareStack.identify().filter((name) => /xray/i.test(name))).toEqual([]);
  client.destroy();
});

test('given tracing off, when an invocation runs in a handler segment, then its answer and its error pass through unchanged', async () => {
  annotate({ operation: 'reportIssue' });

  await expect(withHandlerSegment({ district: 'dingnan' }, async () => 42)).resolves.toBe(42);
  const failure = new Error('store unavailable');
  await expect(withHandlerSegment({ district: 'dingnan' }, async () => Promise.reject(failure))).rejects.toBe(failure);
});
