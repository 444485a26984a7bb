import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../shared/errors';
import type { Store } from './client';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A write in a transaction, with the typed error its failed condition means. */
export interface GuardedWrite {
  item: TransactItem;
  onConditionFailed: () => Error;
}

/**
 * Writes all or nothing. A failed condition is translated into the error its write declares
 * (NOT_FOUND, CONFLICT, BAD_USER_INPUT…); a transaction conflict with a concurrent writer is
 * CONFLICT; anything else is re-thrown unchanged.
 */
export async function transactWrite(store: Store, writes: GuardedWrite[]): Promise<void> {
  try {
    await store.doc.send(new TransactWriteCommand({ TransactItems: writes.map((write) => write.item) }));
  } catch (error) {
    if (!(error instanceof TransactionCanceledException)) throw error;
    const reasons = error.CancellationReasons ?? [];
    const failed = reasons.findIndex((reason) => reason.Code === 'ConditionalCheckFailed');
    if (failed >= 0 && writes[failed]) throw writes[failed].onConditionFailed();
    if (reasons.some((reason) => reason.Code === 'TransactionConflict')) {
      throw new ConflictError('A concurrent write changed the same data; read it again and retry');
    }
    throw error;
  }
}
