import { ConflictError } from '../../shared/errors';
import type { Store } from '../client';
import type { ItemKey } from '../keys';
import { updateExpression } from '../query';
import type { GuardedWrite } from '../transact';

/**
 * Records the file's values as the item's `fileState` without touching its data or version:
 * for an item that predates the sync (adopted as it is) or one people had already changed to
 * what the file now says. Guarded by the version read, so it never lands on a newer state.
 */
export function recordFileState(store: Store, key: ItemKey, readVersion: number, fileState: Record<string, unknown>): GuardedWrite {
  return {
    item: {
      Update: {
        TableName: store.tableName,
        Key: { PK: key.PK, SK: key.SK },
        ...updateExpression({ set: { fileState } }, { expression: 'version = :readVersion', values: { ':readVersion': readVersion } }),
      },
    },
    onConditionFailed: (options) => new ConflictError(`${key.SK} was changed concurrently`, options),
  };
}
