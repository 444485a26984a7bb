import type { Store } from './client';
import { putIfNew } from './guarded-put';
import type { ItemKey } from './keys';
import type { GuardedWrite } from './transact';

/**
 * A claim item makes a value unique in a district: it is written in the same transaction as
 * the entity and fails if the value is already claimed.
 */
export function claimUnique(
  store: Store,
  key: ItemKey,
  attributes: Record<string, unknown>,
  onTaken: GuardedWrite['onConditionFailed'],
): GuardedWrite {
  return putIfNew(store, { ...key, ...attributes }, onTaken);
}
