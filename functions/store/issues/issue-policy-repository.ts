import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../../domain/events/domain-event';
import { defaultIssuePolicy, type IssuePolicy } from '../../domain/issues/issue-policy';
import { ConflictError } from '../../shared/errors';
import type { Store } from '../client';
import { outboxWrite } from '../outbox';
import { transactWrite } from '../transact';

export interface StoredIssuePolicy extends IssuePolicy {
  /** 0 until the district first changes its policy (the defaults apply). */
  version: number;
}

const policyKey = (districtId: string) => ({ PK: `D#${districtId}`, SK: 'ISSUE_POLICY' });

/** The stored item without its key attributes; fields added to the policy later fall back to their defaults. */
function withoutKeys(item: StoredIssuePolicy & { PK?: string; SK?: string }): Partial<IssuePolicy> {
  const { PK: _pk, SK: _sk, version: _version, ...policy } = item;
  return policy;
}

/** The district's issue rules: one item beside the district item; defaults until first changed. */
export class IssuePolicyRepository {
  constructor(private readonly store: Store) {}

  async get(districtId: string): Promise<StoredIssuePolicy> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: policyKey(districtId) }));
    const item = output.Item as StoredIssuePolicy | undefined;
    return item
      ? { ...defaultIssuePolicy, ...withoutKeys(item), version: item.version }
      : { ...defaultIssuePolicy, version: 0 };
  }

  /** Replaces the policy if nobody changed it since `current` was read (CONFLICT otherwise). */
  async replace(districtId: string, current: StoredIssuePolicy, next: IssuePolicy, event: DomainEvent): Promise<StoredIssuePolicy> {
    const stored = { ...next, version: current.version + 1 };
    await transactWrite(this.store, [
      {
        item: {
          Put: {
            TableName: this.store.tableName,
            Item: { ...policyKey(districtId), ...stored },
            ConditionExpression: current.version === 0 ? 'attribute_not_exists(PK)' : 'version = :read',
            ...(current.version === 0 ? {} : { ExpressionAttributeValues: { ':read': current.version } }),
          },
        },
        onConditionFailed: (options) => new ConflictError('The issue policy was changed concurrently; read it again and retry', options),
      },
      outboxWrite(this.store, event),
    ]);
    return stored;
  }
}
