import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError, NotFoundError } from '../shared/errors';
import { batchGetItems, itemKeyId } from './batch-get';
import type { Store } from './client';
import { queryConnection, type Connection, type PageArguments } from './connection';
import { ACTIVITY_PREFIX, activityKey, weekPartition } from './duty-keys';
import { checkExpectedVersion } from '../domain/expected-version';
import { connectionOfItems, itemsOf } from './index-items';
import { districtPartition, type ItemKey } from './keys';
import { attributeFilter, partitionPrefix, queryAll, type KeyRange } from './query';
import { putAtVersion, putIfNew } from './guarded-put';
import { transactWrite, type GuardedWrite } from './transact';

export type ActivityKind =
  | 'SERVICE_SESSION'
  | 'PUBLICITY'
  | 'LAW_EDUCATION'
  | 'GARBAGE_SORTING'
  | 'GREENING'
  | 'MUNICIPAL_REPAIR'
  | 'PATROL'
  | 'TRAINING'
  | 'VOLUNTEER'
  | 'OTHER';

export interface ActivityFields {
  kind: ActivityKind;
  title: string;
  stationId?: string;
  gridId?: string;
  /** ISO-8601 in the district's offset. */
  startsAt: string;
  endsAt: string;
  officerIds: string[];
  peopleReached?: number;
  materialsDistributed?: number;
  issuesFound?: number;
  notes?: string;
}

export interface ActivityRecord extends ActivityFields {
  PK: string;
  SK: string;
  GSI1PK: string;
  GSI1SK: string;
  type: 'ACTIVITY';
  districtId: string;
  id: string;
  /** The ISO week of `startsAt` in the district's time zone; the GSI1 partition. */
  week: string;
  durationMinutes: number;
  /** Who recorded it (the token's subject); absent on activities recorded before this was kept. */
  recordedBy?: string;
  /** Supervisor verification (verifyActivity): who and when. Any later change clears it. */
  verifiedBy?: string;
  verifiedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ActivityFilter {
  /** An ISO week: a page of that week (the week index) instead of all weeks (the district partition). */
  week?: string | null;
  stationId?: string | null;
  gridId?: string | null;
  kind?: ActivityKind | null;
  /** Activities the officer took part in. */
  officerId?: string | null;
}

const TABLE_KEY = ['PK', 'SK'] as const;
const WEEK_INDEX_KEY = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;

/**
 * Activities (活动): in the district partition (`activity(id)` is one GetItem), indexed by
 * week in GSI1 (`D#<district>#W#<week>`, sorted by id) so a week's activities are one Query.
 * Lists are in id order either way. Writes are guarded: create only if new, update and delete
 * only at the version read.
 */
export class ActivityRepository {
  constructor(private readonly store: Store) {}

  record(districtId: string, id: string, fields: ActivityFields, derived: { week: string; durationMinutes: number }, now: string): ActivityRecord {
    return {
      ...fields,
      ...activityKey(districtId, id),
      GSI1PK: weekPartition(districtId, derived.week),
      GSI1SK: `${ACTIVITY_PREFIX}${id}`,
      type: 'ACTIVITY',
      districtId,
      id,
      ...derived,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
  }

  async get(districtId: string, id: string): Promise<ActivityRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: activityKey(districtId, id) }));
    return output.Item as ActivityRecord | undefined;
  }

  async batchGet(districtId: string, ids: readonly string[]): Promise<(ActivityRecord | undefined)[]> {
    const keys = ids.map((id) => activityKey(districtId, id));
    const found = await batchGetItems<ActivityRecord>(this.store, keys);
    return keys.map((key) => found.get(itemKeyId(key)));
  }

  /** `checks`: the referenced station, grid and officers exist in the district, in the same transaction. */
  async create(activity: ActivityRecord, checks: GuardedWrite[]): Promise<ActivityRecord> {
    await transactWrite(this.store, [putIfNew(this.store, activity, (options) => new ConflictError(`Activity ${activity.id} already exists`, options)), ...checks]);
    return activity;
  }

  /** Writes `next` only if the stored item is still at `current.version`. */
  async replace(current: ActivityRecord, next: ActivityRecord, checks: GuardedWrite[]): Promise<ActivityRecord> {
    const write = putAtVersion(this.store, next, current.version, (options) => new ConflictError(`Activity ${current.id} was changed concurrently; read it again and retry`, options));
    await transactWrite(this.store, [write, ...checks]);
    return next;
  }

  /** Marks `current` verified by `by` at `at`, only if it is still at the version read. */
  async verify(current: ActivityRecord, by: string, at: string): Promise<ActivityRecord> {
    const next: ActivityRecord = { ...current, verifiedBy: by, verifiedAt: at, version: current.version + 1, updatedAt: at };
    await transactWrite(this.store, [putAtVersion(this.store, next, current.version, (options) => new ConflictError(`Activity ${current.id} was changed concurrently; read it again and retry`, options))]);
    return next;
  }

  /** Deletes and answers the deleted activity; with `expectedVersion`, only at that version. */
  async delete(districtId: string, id: string, expectedVersion: number | undefined): Promise<ActivityRecord> {
    try {
      const output = await this.store.doc.send(
        new DeleteCommand({
          TableName: this.store.tableName,
          Key: activityKey(districtId, id),
          ConditionExpression: expectedVersion === undefined ? 'attribute_exists(PK)' : 'attribute_exists(PK) AND version = :expected',
          ...(expectedVersion === undefined ? {} : { ExpressionAttributeValues: { ':expected': expectedVersion } }),
          ReturnValues: 'ALL_OLD',
        }),
      );
      return output.Attributes as ActivityRecord;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.get(districtId, id);
      if (!current) throw new NotFoundError('Activity', id, { cause: error });
      checkExpectedVersion(`Activity ${id}`, current, expectedVersion, { cause: error });
      throw new ConflictError(`Activity ${id} was changed concurrently; read it again and retry`, { cause: error });
    }
  }

  /** Every activity starting in the week: one Query of the week's index partition, then the items by key. */
  async ofWeek(districtId: string, week: string): Promise<ActivityRecord[]> {
    return itemsOf<ActivityRecord>(this.store, await queryAll<ItemKey>(this.store, weekRange(districtId, week)));
  }

  /** A page in id order: of one week (the index) or of all weeks (the district partition). */
  async page(districtId: string, args: PageArguments<ActivityFilter>): Promise<Connection<ActivityRecord>> {
    const { week, stationId, gridId, kind, officerId } = args.filter ?? {};
    const page = await queryConnection<ActivityRecord>(this.store, {
      districtId,
      list: week ? `ACTIVITY@${week}` : 'ACTIVITY',
      keyNames: week ? WEEK_INDEX_KEY : TABLE_KEY,
      isListKey: (key) => key.PK === districtPartition(districtId) && key.SK!.startsWith(ACTIVITY_PREFIX),
      range: week ? weekRange(districtId, week) : partitionPrefix(districtPartition(districtId), ACTIVITY_PREFIX),
      filter: attributeFilter({ equals: { stationId, gridId, kind }, contains: { officerIds: officerId } }),
      first: args.first,
      after: args.after,
    });
    return week ? connectionOfItems<ActivityRecord>(this.store, page) : page;
  }
}

function weekRange(districtId: string, week: string): KeyRange {
  return { indexName: 'GSI1', partition: { name: 'GSI1PK', value: weekPartition(districtId, week) }, sort: { name: 'GSI1SK', beginsWith: ACTIVITY_PREFIX } };
}
