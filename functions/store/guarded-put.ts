import type { Store } from './client';
import type { GuardedWrite } from './transact';

/** A transaction's Put that succeeds only if no item has the key yet; `conflict` is the error otherwise. */
export function putIfNew(store: Store, item: object, conflict: GuardedWrite['onConditionFailed']): GuardedWrite {
  return {
    item: { Put: { TableName: store.tableName, Item: item as Record<string, unknown>, ConditionExpression: 'attribute_not_exists(PK)' } },
    onConditionFailed: conflict,
  };
}

/** A transaction's Put of the next state that succeeds only if the stored item is still at `readVersion`. */
export function putAtVersion(store: Store, next: object, readVersion: number, conflict: GuardedWrite['onConditionFailed']): GuardedWrite {
  return {
    item: {
      Put: {
        TableName: store.tableName,
        Item: next as Record<string, unknown>,
        ConditionExpression: 'version = :readVersion',
        ExpressionAttributeValues: { ':readVersion': readVersion },
      },
    },
    onConditionFailed: conflict,
  };
}
