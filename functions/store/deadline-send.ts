import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { currentDeadline } from '../shared/deadline';
import { ServiceUnavailableError } from '../shared/errors';

/** How long a client is asked to wait after its request ran out of time (throttling eases in seconds). */
export const RETRY_AFTER_SECONDS = 2;

type Send = (command: unknown, options?: { abortSignal?: AbortSignal }) => Promise<unknown>;

/**
 * Sends every command of `doc` with the current request's deadline (shared/deadline.ts) as its
 * abort signal, and answers ServiceUnavailableError as soon as the deadline has passed: before
 * the call, or during it, however many of the SDK's retries or backoff delays are left. A call
 * outside a request is sent as is. The prototype's `send` is looked up at each call, so a test's
 * mock of the class still sees every command.
 */
export function sendUnderDeadline(doc: DynamoDBDocumentClient): void {
  const send = (command: unknown, options?: { abortSignal?: AbortSignal }) =>
    (DynamoDBDocumentClient.prototype.send as Send).call(doc, command, options);
  doc.send = ((command: unknown, options?: { abortSignal?: AbortSignal }) => {
    const deadline = options?.abortSignal ?? currentDeadline();
    return deadline ? sendBefore(deadline, () => send(command, { ...options, abortSignal: deadline })) : send(command, options);
  }) as DynamoDBDocumentClient['send'];
}

async function sendBefore(deadline: AbortSignal, send: () => Promise<unknown>): Promise<unknown> {
  if (deadline.aborted) throw new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: deadline.reason });
  // A send that throws at once is answered like one that rejects; and the SDK's own promise may
  // settle after the deadline has answered: nothing waits for it then.
  const sent = Promise.resolve().then(send);
  sent.catch(() => undefined);
  let onAbort = () => undefined as void;
  const expired = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: deadline.reason }));
    deadline.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([sent, expired]);
  } catch (error) {
    if (deadline.aborted && !(error instanceof ServiceUnavailableError)) throw new ServiceUnavailableError(RETRY_AFTER_SECONDS, { cause: error });
    throw error;
  } finally {
    deadline.removeEventListener('abort', onAbort);
  }
}
