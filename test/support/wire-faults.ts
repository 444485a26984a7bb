import { Readable } from 'node:stream';
import type { Store } from '../../functions/store/client';

/** One HTTP attempt the SDK made: which operation, and the exact request body (signed and sent). */
export interface WireAttempt {
  command: string;
  body: string;
}

/** The serialized request body: JSON text, or its UTF-8 bytes. */
const bodyText = (body: unknown): string => (body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body ?? ''));

/** What to do instead of (or after) one attempt's round trip to DynamoDB Local. */
export type WireFault =
  /** DynamoDB answers this error instead (status 400 or 500, `__type`, optional extra fields). */
  | { kind: 'answer'; status: number; type: string; extra?: Record<string, unknown> }
  /** The request reaches DynamoDB (and is applied), then the connection drops before the answer. */
  | { kind: 'lostAnswer' }
  /** The request times out before it reaches DynamoDB. */
  | { kind: 'timeout' };

export const throttled: WireFault = { kind: 'answer', status: 400, type: 'ThrottlingException' };
export const throughputExceeded: WireFault = { kind: 'answer', status: 400, type: 'ProvisionedThroughputExceededException' };
export const internalServerError: WireFault = { kind: 'answer', status: 500, type: 'InternalServerError' };
export const transactionConflict: WireFault = {
  kind: 'answer',
  status: 400,
  type: 'TransactionCanceledException',
  extra: { CancellationReasons: [{ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }] },
};

/**
 * Faults on the wire, below the SDK's retry middleware: the client as createStore configures
 * it meets them exactly as it would meet DynamoDB's answers, and retries (or not) on its own.
 * Every attempt is recorded. A planned fault applies to the next `times` attempts of `command`
 * (the SDK operation name, e.g. `TransactWriteItemsCommand`); the rest pass through.
 */
export function injectWireFaults(store: Store) {
  const attempts: WireAttempt[] = [];
  const plans: { command: string; remaining: number; fault: WireFault }[] = [];
  store.doc.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      attempts.push({ command, body: bodyText((args.request as { body?: unknown }).body) });
      const plan = plans.find((candidate) => candidate.command === command && candidate.remaining > 0);
      if (!plan) return next(args);
      plan.remaining -= 1;
      const { fault } = plan;
      if (fault.kind === 'timeout') throw Object.assign(new Error('Connection timed out'), { name: 'TimeoutError' });
      if (fault.kind === 'lostAnswer') {
        await next(args);
        throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      }
      const body = JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${fault.type}`, message: `injected ${fault.type}`, ...fault.extra });
      const response = { statusCode: fault.status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'injected' }, body: Readable.from([Buffer.from(body)]) };
      return { response } as Awaited<ReturnType<typeof next>>;
    },
    { step: 'deserialize', priority: 'low', name: 'injectWireFaults' },
  );
  return {
    attempts,
    /** Plans `fault` for the next `times` attempts of `command`. */
    fail(command: string, fault: WireFault, times = 1) {
      plans.push({ command, remaining: times, fault });
    },
    /** Attempts of one operation, in order. */
    attemptsOf: (command: string) => attempts.filter((attempt) => attempt.command === command),
    reset() {
      attempts.length = 0;
      plans.length = 0;
    },
  };
}
