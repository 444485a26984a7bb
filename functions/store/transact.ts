import { randomUUID } from 'node:crypto';
import { InternalServerError, TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../shared/errors';
import { backoffOf, waitBeforeRetry, type BackoffOptions } from './backoff';
import type { Store } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write in a transaction, with the typed error its failed condition means. */
export interface GuardedWrite {
  item: TransactItem;
  /** Called with the cancellation as `cause`, for the error to keep. */
  onConditionFailed: (options: ErrorOptions) => Error;
}

/**
 * Cancellation reasons that say nothing about our conditions: another transaction held one of
 * the items (shared statistics buckets and rate counters make this common under load), or
 * DynamoDB throttled one of them. Every other reason (a failed condition, a validation error)
 * would fail the same way again.
 */
const PASSING_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded', 'RequestLimitExceeded']);

/**
 * Writes all or nothing. A failed condition is translated into the error its write declares
 * (NOT_FOUND, CONFLICT, BAD_USER_INPUT…); a transaction conflict with a concurrent writer that
 * persists is CONFLICT; anything else is re-thrown unchanged.
 *
 * Retries, and why each is safe:
 * - Each attempt carries a ClientRequestToken. The SDK's own retries (throttling, timeouts,
 *   socket errors) resend the same request with it, so a transaction whose answer was lost
 *   is not applied twice: DynamoDB answers the replay with success and writes nothing again.
 * - A cancellation for passing reasons only is retried here with backoff (by default 6
 *   attempts, the first retry within 20 ms, all of them within 0.7 s). A cancelled transaction
 *   wrote nothing, and every write in it is guarded by the state its caller read (or is a
 *   commutative ADD), so the retry either commits exactly once or meets the failed condition a
 *   concurrent winner caused. The retry is a new request and gets a new token.
 * - An InternalServerError leaves the outcome unknown (DynamoDB Local also answers it when a
 *   transaction waited too long for another's lock, where DynamoDB answers TransactionConflict).
 *   The SDK retries it only while its client-wide retry quota lasts, which a burst of them
 *   drains; so it is retried here too, with the same token: DynamoDB applies a token once
 *   (for 10 minutes), so a transaction that did commit is answered with success, not applied again.
 */
export async function transactWrite(store: Store, writes: GuardedWrite[], options: BackoffOptions = {}): Promise<void> {
  const backoff = backoffOf(options, { maxAttempts: 6, baseDelayMs: 20 });
  const items = writes.map((write) => write.item);
  let token = randomUUID();
  for (let attempt = 1; ; attempt += 1) {
    try {
      await store.doc.send(new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token }));
      return;
    } catch (error) {
      if (error instanceof InternalServerError && attempt < backoff.maxAttempts) {
        await waitBeforeRetry(backoff, attempt);
        continue;
      }
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
      if (failed >= 0 && writes[failed]) throw writes[failed].onConditionFailed({ cause: error });
      if (attempt < backoff.maxAttempts && onlyPassingReasons(reasons)) {
        token = randomUUID();
        await waitBeforeRetry(backoff, attempt);
        continue;
      }
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
        throw new ConflictError('A concurrent write changed the same data; read it again and retry', { cause: error });
      }
      throw error;
    }
  }
}

/** True when some reason is passing and the others are `None` (the items that were fine). */
function onlyPassingReasons(reasons: CancellationReason[]): boolean {
  const codes = reasons.map((reason) => reason.Code ?? 'None').filter((code) => code !== 'None');
  return codes.length > 0 && codes.every((code) => PASSING_REASONS.has(code));
}
