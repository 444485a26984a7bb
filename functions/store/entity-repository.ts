import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { BadUserInputError, ConflictError, NotFoundError } from '../shared/errors';
import { batchGetItems, itemKeyId } from './batch-get';
import type { Store } from './client';
import { queryConnection, type Connection, type PageArguments } from './connection';
import { checkExpectedVersion } from '../domain/expected-version';
import { districtPartition, entityKey, entityPrefix, type EntityType } from './keys';
import { partitionPrefix, queryAll, type AttributeFilter } from './query';
import type { StoredEntity } from './records';
import { putAtVersion, putIfNew } from './guarded-put';
import { transactWrite, type GuardedWrite } from './transact';
import { referenceDataEvent, type ReferenceSubject } from '../domain/events/reference-events';
import { districtTimezone } from './district-timezones';
import { outboxWrite } from './outbox';

const SUBJECTS: Record<EntityType, ReferenceSubject> = { STATION: 'Station', GRID: 'Grid', OFFICER: 'Officer' };

/** The fields an entity type adds to the stored envelope. */
export type FieldsOf<T extends StoredEntity> = Omit<T, keyof StoredEntity>;

/**
 * Reads and guarded writes shared by the reference entities (stations, grids, officers): each
 * repository extends this, so all three answer the same calls, and adds its own. `F` is the
 * typed filter of its list. Every key is built from the caller's district, so no call can
 * reach another district.
 */
export abstract class EntityRepository<T extends StoredEntity, F extends object = object> {
  constructor(
    protected readonly store: Store,
    private readonly type: EntityType,
    readonly label: string,
  ) {}

  /** The FilterExpression of the list's typed filter. */
  protected abstract filterExpression(filter: F): AttributeFilter | undefined;

  async get(districtId: string, id: string): Promise<T | undefined> {
    const output = await this.store.doc.send(
      new GetCommand({ TableName: this.store.tableName, Key: entityKey(districtId, this.type, id) }),
    );
    return output.Item as T | undefined;
  }

  async require(districtId: string, id: string): Promise<T> {
    const found = await this.get(districtId, id);
    if (!found) throw new NotFoundError(this.label, id);
    return found;
  }

  /** Items in the order of `ids`; undefined where there is none. */
  async batchGet(districtId: string, ids: readonly string[]): Promise<(T | undefined)[]> {
    const keys = ids.map((id) => entityKey(districtId, this.type, id));
    const found = await batchGetItems<T>(this.store, keys);
    return keys.map((key) => found.get(itemKeyId(key)));
  }

  page(districtId: string, args: PageArguments<F>): Promise<Connection<T>> {
    return queryConnection<T>(this.store, {
      districtId,
      list: this.type,
      keyNames: ['PK', 'SK'],
      range: partitionPrefix(districtPartition(districtId), entityPrefix(this.type)),
      filter: args.filter ? this.filterExpression(args.filter) : undefined,
      first: args.first,
      after: args.after,
    });
  }

  /** Every item of this type in the district, for per-request batch loaders. */
  all(districtId: string): Promise<T[]> {
    return queryAll<T>(this.store, partitionPrefix(districtPartition(districtId), entityPrefix(this.type)));
  }

  newItem(districtId: string, id: string, fields: FieldsOf<T>, now: string): T {
    return {
      ...fields,
      ...entityKey(districtId, this.type, id),
      type: this.type,
      districtId,
      id,
      version: 1,
      createdAt: now,
      updatedAt: now,
    } as T;
  }

  /** Put that succeeds only if the id is new. */
  putNew(item: T): GuardedWrite {
    return putIfNew(this.store, item, (options) => new ConflictError(`${this.label} ${item.id} already exists`, options));
  }

  /** Put of the next state that succeeds only if nobody wrote since `current` was read. */
  replace(current: T, next: T): GuardedWrite {
    return putAtVersion(this.store, next, current.version, (options) => new ConflictError(`${this.label} ${current.id} was changed concurrently; read it again and retry`, options));
  }

  /** A transaction check that a referenced item exists in the same district. */
  mustExist(districtId: string, id: string, path: string): GuardedWrite {
    return this.check(districtId, id, 'attribute_exists(PK)', {}, (options) => BadUserInputError.of(path, `no ${this.label.toLowerCase()} ${id} in this district`, options));
  }

  /** A transaction check that a referenced item exists in the same district and is active. */
  mustBeActive(districtId: string, id: string, path: string): GuardedWrite {
    return this.check(districtId, id, 'attribute_exists(PK) AND active = :active', { ':active': true }, (options) =>
      BadUserInputError.of(path, `no active ${this.label.toLowerCase()} ${id} in this district`, options),
    );
  }

  private check(districtId: string, id: string, condition: string, values: Record<string, unknown>, onFailed: GuardedWrite['onConditionFailed']): GuardedWrite {
    return {
      item: {
        ConditionCheck: {
          TableName: this.store.tableName,
          Key: entityKey(districtId, this.type, id),
          ConditionExpression: condition,
          ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
        },
      },
      onConditionFailed: onFailed,
    };
  }

  /**
   * Reads the current item, refuses a stale `expectedVersion`, and builds the next state with
   * the version bumped. The caller writes it with `replace`, so a race also ends in CONFLICT.
   */
  async nextVersion(
    districtId: string,
    id: string,
    expectedVersion: number | null | undefined,
    change: (current: T) => Partial<FieldsOf<T>>,
    now: string,
  ): Promise<{ current: T; next: T }> {
    const current = await this.require(districtId, id);
    checkExpectedVersion(`${this.label} ${id}`, current, expectedVersion);
    const next = { ...current, ...change(current), version: current.version + 1, updatedAt: now } as T;
    return { current, next };
  }

  /** Creates an item with a new id; `related` writes (claims, reference checks) go in the same transaction. */
  async create(districtId: string, id: string, fields: FieldsOf<T>, now: string, related: GuardedWrite[] = []): Promise<T> {
    const item = this.newItem(districtId, id, fields, now);
    await transactWrite(this.store, [this.putNew(item), ...related, await this.announce(undefined, item)]);
    return item;
  }

  /** Optimistically locked update; `related` writes go in the same transaction. */
  async update(
    districtId: string,
    id: string,
    expectedVersion: number | null | undefined,
    change: (current: T) => Partial<FieldsOf<T>>,
    now: string,
    related: GuardedWrite[] = [],
  ): Promise<T> {
    const { current, next } = await this.nextVersion(districtId, id, expectedVersion, change, now);
    await transactWrite(this.store, [this.replace(current, next), ...related, await this.announce(current, next)]);
    return next;
  }

  /** The outbox write announcing `next` (created when there is no `current`), for the change's own transaction. */
  async announce(current: T | undefined, next: T): Promise<GuardedWrite> {
    const timezone = await districtTimezone(this.store, next.districtId);
    const event = referenceDataEvent({
      subject: SUBJECTS[this.type],
      districtId: next.districtId,
      timezone,
      before: current as (Record<string, unknown> & { version: number }) | undefined,
      after: next as unknown as Record<string, unknown> & { id: string; version: number; updatedAt: string },
    });
    return outboxWrite(this.store, event);
  }
}
