import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../../domain/events/domain-event';
import type { CounterEffects } from '../../domain/issues/counter-effects';
import type { IssueCounters } from '../../domain/issues/issue-stats';
import { OPEN_STATUSES } from '../../domain/issues/workflow';
import { BadUserInputError, ConflictError, NotFoundError } from '../../shared/errors';
import { batchGetItems, itemKeyId } from '../batch-get';
import type { Store } from '../client';
import { queryConnection, type Connection } from '../connection';
import { putIfNew } from '../guarded-put';
import { connectionOfItems } from '../index-items';
import type { ItemKey } from '../keys';
import { allOf, attributeFilter, partitionPrefix, queryAll, updateExpression } from '../query';
import { outboxWrite } from '../outbox';
import { transactWrite, type GuardedWrite } from '../transact';
import { eventIndexAttributes, eventKey, indexAttributes, indexPartition, issueKey, issuePartition, issuePartitionPrefix } from './issue-keys';
import { planIssueQuery, type IssueListFilter } from './issue-query-plan';
import { STEP_FIELDS, type IssueEventRecord, type IssueRecord } from './issue-record';
import { publicCallLimits, type PublicCall } from './rate-limit';
import { readStatsBuckets, scopesOf, statsBucketWrites, type StatsScope } from './stats-buckets';

export type NewIssueEvent = Omit<IssueEventRecord, 'PK' | 'SK' | 'type' | 'issueId'>;

/** What a write adds to the issue's own items, in the same transaction. */
export interface IssueWriteEffects {
  /** How the issue's statistics change: applied to its day buckets (district, station, grid). */
  counts: CounterEffects;
  /** Conditions on other items (the new assignee, the issue duplicated). */
  checks?: GuardedWrite[];
  /** An anonymous call through a service code: counted against its rate limits, refused over them. */
  publicCall?: PublicCall;
  /** The step's domain event, written to the outbox in the step's transaction: a committed step always has it, a failed one never. */
  event: DomainEvent;
}

/**
 * Issues and their history. Every state change is one transaction: the issue item (guarded by
 * the version and status it was read at), its new history event (guarded against a concurrent
 * event with the same sequence number), the statistics buckets, and any checks the caller adds.
 * Losing a race therefore changes nothing and answers CONFLICT.
 */
export class IssueRepository {
  constructor(private readonly store: Store) {}

  async get(districtId: string, id: string): Promise<IssueRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: issueKey(districtId, id) }));
    return output.Item as IssueRecord | undefined;
  }

  async require(districtId: string, id: string): Promise<IssueRecord> {
    const issue = await this.get(districtId, id);
    if (!issue) throw new NotFoundError('Issue', id);
    return issue;
  }

  async batchGet(districtId: string, ids: readonly string[]): Promise<(IssueRecord | undefined)[]> {
    const keys = ids.map((id) => issueKey(districtId, id));
    const found = await batchGetItems<IssueRecord>(this.store, keys);
    return keys.map((key) => found.get(itemKeyId(key)));
  }

  /** The issue's events, oldest first: one Query of its partition. */
  history(districtId: string, id: string): Promise<IssueEventRecord[]> {
    return queryAll<IssueEventRecord>(this.store, partitionPrefix(issuePartition(districtId, id), 'EVENT#'));
  }

  /** Writes a new issue with its first events (sequence 1..n), its statistics and its rate limits, all or nothing. */
  async create(issue: IssueRecord, events: NewIssueEvent[], effects: IssueWriteEffects): Promise<void> {
    const item = { ...issue, ...definedOnly(indexAttributes(issue)) };
    await transactWrite(this.store, [
      putIfNew(this.store, item, (options) => new ConflictError(`Issue ${issue.id} already exists`, options)),
      ...events.map((event, index) => this.eventWrite(issue, index + 1, event)),
      ...this.effectWrites(issue, effects),
    ]);
  }

  /** Applies one workflow step read at `current`; `next` carries the changed fields. */
  async applyStep(current: IssueRecord, next: IssueRecord, event: NewIssueEvent, effects: IssueWriteEffects): Promise<IssueRecord> {
    const stored: IssueRecord = { ...next, version: current.version + 1, eventCount: current.eventCount + 1 };
    const attributes: Record<string, unknown> = {
      ...Object.fromEntries(STEP_FIELDS.map((field) => [field, stored[field]])),
      ...indexAttributes(stored),
      version: stored.version,
      eventCount: stored.eventCount,
    };
    await transactWrite(this.store, [
      {
        item: {
          Update: {
            TableName: this.store.tableName,
            Key: issueKey(current.districtId, current.id),
            ...updateExpression(
              { set: attributes },
              {
                expression: '#readVersion = :readVersion AND #readStatus = :readStatus',
                names: { '#readStatus': 'status', '#readVersion': 'version' },
                values: { ':readStatus': current.status, ':readVersion': current.version },
              },
            ),
          },
        },
        onConditionFailed: (options) => new ConflictError(`Issue ${current.id} was changed concurrently; read it again and retry`, options),
      },
      this.eventWrite(current, stored.eventCount, event),
      ...this.effectWrites(current, effects),
    ]);
    return stored;
  }

  /**
   * "Me too" on an open issue: a counter, not a step (no version change, so it never conflicts
   * with handling). The write comes first, guarded by the issue being open, with `checks` on other
   * items (a public call's station) and the public call's rate limits; then the issue is read for
   * the answer, with the confirmation in it. Only a refused confirmation reads the issue to say why.
   */
  async confirm(districtId: string, id: string, effects: { publicCall?: PublicCall; checks?: GuardedWrite[] } = {}): Promise<IssueRecord> {
    const statuses = Object.fromEntries(OPEN_STATUSES.map((status, index) => [`:open${index}`, status]));
    let notOpen: ErrorOptions | undefined;
    try {
      // The checks first: when several conditions fail, the first one's error is the answer.
      await transactWrite(this.store, [
        ...(effects.checks ?? []),
        {
          item: {
            Update: {
              TableName: this.store.tableName,
              Key: issueKey(districtId, id),
              ...updateExpression(
                { add: { confirmations: 1 } },
                { expression: `#status IN (${Object.keys(statuses).join(', ')})`, names: { '#status': 'status' }, values: statuses },
              ),
            },
          },
          // Never answered as is: the catch below reads the issue and says why (NOT_FOUND, or its status).
          onConditionFailed: (options) => {
            notOpen = options;
            return new ConflictError(`Issue ${id} was changed concurrently; read it again and retry`, options);
          },
        },
        ...(effects.publicCall ? publicCallLimits(this.store, districtId, effects.publicCall) : []),
      ]);
    } catch (error) {
      if (!notOpen) throw error;
      const current = await this.require(districtId, id);
      throw new ConflictError(`Issue ${id} is ${current.status}: report the problem again instead`, notOpen);
    }
    return this.require(districtId, id);
  }

  /** The cohort's counters of one scope, summed over the days `fromDay`..`toDay` of report. */
  stats(districtId: string, scope: StatsScope, fromDay: string, toDay: string): Promise<{ counters: IssueCounters; minutesToResolve: number[] }> {
    return readStatsBuckets(this.store, districtId, scope, fromDay, toDay);
  }

  /** The issue's statistics (counted in the buckets of its report day), checks and rate limits. */
  private effectWrites(issue: IssueRecord, effects: IssueWriteEffects): GuardedWrite[] {
    return [
      ...statsBucketWrites(this.store, issue.districtId, issue.reportedDay, scopesOf(issue), effects.counts, issue.id),
      ...(effects.checks ?? []),
      ...(effects.publicCall ? publicCallLimits(this.store, issue.districtId, effects.publicCall) : []),
      outboxWrite(this.store, effects.event),
    ];
  }

  /** A transaction check that a referenced issue exists in the same district. */
  mustExist(districtId: string, id: string, path: string): GuardedWrite {
    return {
      item: { ConditionCheck: { TableName: this.store.tableName, Key: issueKey(districtId, id), ConditionExpression: 'attribute_exists(PK)' } },
      onConditionFailed: (options) => BadUserInputError.of(path, `no issue ${id} in this district`, options),
    };
  }

  /**
   * One page of a filtered list, newest first, from the index `planIssueQuery` chooses. Its
   * cursors are bound to the plan with the time now named rather than given (`boundTo`): the
   * overdue conditions move with the clock, and a cursor must outlive the instant it was made at.
   */
  async page(districtId: string, filter: IssueListFilter, first: number, after: string | null | undefined, now: string): Promise<Connection<IssueRecord>> {
    const plan = planIssueQuery(districtId, filter, now);
    const shape = planIssueQuery(districtId, filter, 'the time now');
    const entries = await queryConnection<ItemKey>(this.store, {
      districtId,
      list: 'ISSUES',
      keyNames: ['PK', 'SK', `${plan.index}PK`, `${plan.index}SK`],
      isListKey: (key) => key.SK === 'ISSUE' && key.PK!.startsWith(issuePartitionPrefix(districtId)),
      range: plan.range,
      filter: plan.filter,
      boundTo: { range: shape.range, filter: shape.filter },
      first,
      after,
    });
    return connectionOfItems<IssueRecord>(this.store, entries);
  }

  /**
   * Open issues of a category reported since `since` (duplicate candidates), as the sparse
   * open-by-category index holds them: id and location only (read the chosen ones with batchGet).
   */
  openOfCategorySince(districtId: string, category: string, since: string): Promise<Pick<IssueRecord, 'id' | 'location'>[]> {
    return queryAll<Pick<IssueRecord, 'id' | 'location'>>(this.store, {
      indexName: 'GSI6',
      partition: { name: 'GSI6PK', value: indexPartition.openByCategory(districtId, category) },
      sort: { name: 'GSI6SK', atLeast: since },
    });
  }

  /** How many issues reported on `fromDay`..`toDay` are open past their due time now (the sparse open-by-due index). */
  async countOverdue(districtId: string, now: string, cohort: { fromDay: string; toDay: string; stationId?: string; gridId?: string }): Promise<number> {
    const overdue = await queryAll<ItemKey>(
      this.store,
      { indexName: 'GSI7', partition: { name: 'GSI7PK', value: indexPartition.openByDue(districtId) }, sort: { name: 'GSI7SK', below: now } },
      allOf(
        { expression: '#day BETWEEN :fromDay AND :toDay', names: { '#day': 'reportedDay' }, values: { ':fromDay': cohort.fromDay, ':toDay': cohort.toDay } },
        attributeFilter({ equals: { stationId: cohort.stationId, gridId: cohort.gridId } }),
      ),
    );
    return overdue.length;
  }

  private eventWrite(issue: Pick<IssueRecord, 'districtId' | 'id'>, sequence: number, event: NewIssueEvent): GuardedWrite {
    const item: IssueEventRecord = {
      ...eventKey(issue.districtId, issue.id, sequence),
      ...eventIndexAttributes(issue.districtId, issue.id, sequence, event.at),
      type: 'ISSUE_EVENT',
      issueId: issue.id,
      ...event,
    };
    return putIfNew(this.store, item, (options) => new ConflictError(`Issue ${issue.id} was changed concurrently; read it again and retry`, options));
  }
}

function definedOnly(attributes: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(attributes).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
