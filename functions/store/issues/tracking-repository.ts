import type { DomainEvent } from '../../domain/events/domain-event';
import { outboxWrite } from '../outbox';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CounterEffects } from '../../domain/issues/counter-effects';
import type { Satisfaction } from '../../domain/vocabulary';
import { ConflictError } from '../../shared/errors';
import type { Store } from '../client';
import { putIfNew } from '../guarded-put';
import { queryAll, updateExpression } from '../query';
import { transactWrite, type GuardedWrite } from '../transact';
import { issueKey, issuePartition } from './issue-keys';
import type { IssueEventRecord, IssueRecord } from './issue-record';
import { publicRateLimit } from './rate-limit';
import { scopesOf, statsBucketWrites } from './stats-buckets';

/**
 * Tracking codes as stored: one item per code, keyed by the code's SHA-256 under its district
 * (`D#<district>#TRACKING#<hash>`), naming the issue. The code itself is never stored.
 */
interface TrackingItem {
  PK: string;
  SK: 'TRACKING';
  type: 'TRACKING_CODE';
  districtId: string;
  issueId: string;
  createdAt: string;
}

const trackingKey = (districtId: string, hash: string) => ({ PK: `D#${districtId}#TRACKING#${hash}`, SK: 'TRACKING' as const });

/** A resident's rating of their own resolved report (回访 by the resident). */
export interface ResidentRating {
  satisfaction: Satisfaction;
  comment?: string;
  at: string;
}

export class TrackingRepository {
  constructor(private readonly store: Store) {}

  /** The write that stores a new report's code, for the report's own transaction (a repeated hash is CONFLICT). */
  codeWrite(districtId: string, issueId: string, hash: string, at: string): GuardedWrite {
    const item: TrackingItem = { ...trackingKey(districtId, hash), type: 'TRACKING_CODE', districtId, issueId, createdAt: at };
    return putIfNew(this.store, item, (options) => new ConflictError(`Issue ${issueId} already exists`, options));
  }

  /** The issue a code's hash leads to, if any: one GetItem. */
  async issueIdOf(districtId: string, hash: string): Promise<string | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: trackingKey(districtId, hash) }));
    return (output.Item as TrackingItem | undefined)?.issueId;
  }

  /** The issue and its history, oldest first: one Query of its partition. */
  async issueWithHistory(districtId: string, issueId: string): Promise<{ issue?: IssueRecord; events: IssueEventRecord[] }> {
    const items = await queryAll<IssueRecord | IssueEventRecord>(this.store, { partition: { name: 'PK', value: issuePartition(districtId, issueId) } });
    return {
      issue: items.find((item): item is IssueRecord => item.type === 'ISSUE'),
      events: items.filter((item): item is IssueEventRecord => item.type === 'ISSUE_EVENT'),
    };
  }

  /**
   * Counts one anonymous lookup by code against the client address's budget (the public calls'
   * per-address counter of the district): RATE_LIMITED over it. A lookup writes nothing else.
   */
  async countLookup(districtId: string, clientAddress: string | undefined, limitPerMinute: number, now: Date): Promise<void> {
    if (!clientAddress) return;
    await transactWrite(this.store, [publicRateLimit(this.store, districtId, { kind: 'CLIENT_ADDRESS', address: clientAddress }, limitPerMinute, now)]);
  }

  /**
   * Records the resident's rating on the issue read at `current`, with its statistics, in one
   * transaction guarded by the version read and by there being no rating yet: a second rating,
   * or one racing the staff's follow-up call, is CONFLICT and changes nothing.
   */
  async rate(current: IssueRecord, rating: ResidentRating, counts: CounterEffects, announce: (stored: IssueRecord) => DomainEvent): Promise<IssueRecord> {
    const stored: IssueRecord = {
      ...current,
      satisfaction: rating.satisfaction,
      ratedBy: 'RESIDENT',
      ratedAt: rating.at,
      ...(rating.comment ? { ratingComment: rating.comment } : {}),
      version: current.version + 1,
    };
    await transactWrite(this.store, [
      {
        item: {
          Update: {
            TableName: this.store.tableName,
            Key: issueKey(current.districtId, current.id),
            ...updateExpression(
              { set: { satisfaction: stored.satisfaction, ratedBy: stored.ratedBy, ratedAt: stored.ratedAt, ratingComment: stored.ratingComment, version: stored.version } },
              {
                expression: '#readVersion = :readVersion AND attribute_not_exists(#rated)',
                names: { '#readVersion': 'version', '#rated': 'satisfaction' },
                values: { ':readVersion': current.version },
              },
            ),
          },
        },
        onConditionFailed: (options) => new ConflictError(`Issue ${current.id} was changed concurrently; read it again and retry`, options),
      },
      ...statsBucketWrites(this.store, current.districtId, current.reportedDay, scopesOf(current), counts, current.id),
      outboxWrite(this.store, announce(stored)),
    ]);
    return stored;
  }
}
