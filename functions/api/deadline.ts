import type { Context } from 'aws-lambda';

/**
 * Time kept back from the Lambda's remaining time: enough to format and send the
 * SERVICE_UNAVAILABLE answer (and log) before the function itself is stopped.
 */
export const DEADLINE_MARGIN_MS = 1_000;

/**
 * The deadline of one invocation: aborts `marginMs` before Lambda would stop the function, so
 * the client gets a retryable answer rather than a gateway timeout. Already aborted when less
 * than the margin remains. The timer does not keep the process alive.
 */
export function requestDeadline(context: Partial<Pick<Context, 'getRemainingTimeInMillis'>>, options: { marginMs?: number } = {}): AbortSignal | undefined {
  // The Lambda runtime always gives the remaining time; a bare context (a test's, a tool's) sets no deadline.
  if (typeof context.getRemainingTimeInMillis !== 'function') return undefined;
  const budget = context.getRemainingTimeInMillis() - (options.marginMs ?? DEADLINE_MARGIN_MS);
  return budget > 0 ? AbortSignal.timeout(budget) : AbortSignal.abort(new DOMException('No time left for the request', 'TimeoutError'));
}
