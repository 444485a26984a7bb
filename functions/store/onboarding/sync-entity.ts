import { changesNothing, fileChanges, sameValue, type Fields } from '../../domain/file-changes';
import type { Store } from '../client';
import type { EntityRepository, FieldsOf } from '../entity-repository';
import type { StoredEntity } from '../records';
import { transactWrite, type GuardedWrite } from '../transact';
import { recordFileState } from './file-state-write';
import { retryOnConflict } from './retry-on-conflict';

/** How one entity type is written: the writes that must share its transaction. */
export interface EntitySpec<T extends StoredEntity> {
  repository: EntityRepository<T>;
  /** Unique claims and reference checks for a new entity; `path` names its file entry (`stations.3`). */
  creating(item: T, path: string): GuardedWrite[];
  /** Claims that move when a unique code changes, checks of newly referenced entities. */
  changing(current: T, next: T, path: string): GuardedWrite[];
}

export interface SyncTarget {
  districtId: string;
  id: string;
  /** The fields the file wants now (for an entity removed from the file: its last file state, inactive). */
  desired: Fields;
  path: string;
  now: string;
}

export type EntityOutcome = 'created' | 'updated' | 'unchanged';

/**
 * Brings one entity in line with its file entry, in one transaction with its claims and checks:
 *
 * - absent: created with the file's fields;
 * - present without a file state (created before the sync existed): adopted as it is, the
 *   file's values recorded as its base, so later file changes apply;
 * - present: only the fields the file changed since its file state are written, over whatever
 *   people changed through the API; the version goes up only if the entity's data changes.
 *
 * `known` is the item as a bulk read found it; on a lost race the item is read again.
 */
export function syncEntity<T extends StoredEntity>(
  store: Store,
  spec: EntitySpec<T>,
  target: SyncTarget,
  known: T | undefined,
): Promise<EntityOutcome> {
  return retryOnConflict(async (fresh) => {
    const current = fresh ? await spec.repository.get(target.districtId, target.id) : known;
    if (!current) return create(store, spec, target);
    if (!current.fileState) {
      await transactWrite(store, [recordFileState(store, current, current.version, target.desired)]);
      return 'unchanged';
    }
    if (sameValue(current.fileState, target.desired)) return 'unchanged';

    const changes = fileChanges(current.fileState, target.desired);
    if (changesNothing(current as unknown as Fields, changes)) {
      await transactWrite(store, [recordFileState(store, current, current.version, target.desired)]);
      return 'unchanged';
    }
    const next = {
      ...current,
      ...changes,
      version: current.version + 1,
      updatedAt: target.now,
      fileState: target.desired,
    } as T;
    await transactWrite(store, [spec.repository.replace(current, next), ...spec.changing(current, next, target.path), await spec.repository.announce(current, next)]);
    return 'updated';
  });
}

async function create<T extends StoredEntity>(store: Store, spec: EntitySpec<T>, target: SyncTarget): Promise<EntityOutcome> {
  const item: T = {
    ...spec.repository.newItem(target.districtId, target.id, target.desired as FieldsOf<T>, target.now),
    fileState: target.desired,
  };
  await transactWrite(store, [spec.repository.putNew(item), ...spec.creating(item, target.path), await spec.repository.announce(undefined, item)]);
  return 'created';
}
