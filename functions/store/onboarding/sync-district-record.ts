import { districtEvent, dutyPolicyEvent } from '../../domain/events/policy-events';
import { outboxWrite } from '../outbox';
import type { DistrictFile } from '../../domain/district-file';
import type { DutyPolicy } from '../../domain/duty-policy';
import { changesNothing, fileChanges, sameValue, type Fields } from '../../domain/file-changes';
import { ConflictError } from '../../shared/errors';
import type { Store } from '../client';
import { DistrictRepository, type DistrictRecord } from '../districts';
import { districtKey } from '../keys';
import { transactWrite, type GuardedWrite } from '../transact';
import { recordFileState } from './file-state-write';
import { retryOnConflict } from './retry-on-conflict';
import type { EntityOutcome } from './sync-entity';

type SyncedDistrict = DistrictRecord & { fileState?: Fields };

const POLICY = 'policy.';

/**
 * The district's fields as the file sets them, the policy one key at a time: a file that
 * changes one rule must not undo another an administrator changed through the API.
 */
function districtFileState(file: DistrictFile): Fields {
  return {
    name: file.name,
    timezone: file.timezone,
    ...(file.reportUrl ? { reportUrl: file.reportUrl } : {}),
    ...Object.fromEntries(Object.entries(file.policy).map(([key, value]) => [`${POLICY}${key}`, value])),
  };
}

/** The district's fields (name, timezone, policy) after the file's changes. */
function applied(current: DistrictRecord, changes: Fields): Fields {
  const policy: Fields = { ...current.policy };
  const top: Fields = {};
  for (const [key, value] of Object.entries(changes)) {
    if (key.startsWith(POLICY)) policy[key.slice(POLICY.length)] = value;
    else top[key] = value;
  }
  return { ...top, policy: policy as unknown as DutyPolicy };
}

function put(store: Store, item: SyncedDistrict, condition: { version?: number }): GuardedWrite {
  return {
    item: {
      Put: {
        TableName: store.tableName,
        Item: item,
        ...(condition.version === undefined
          ? { ConditionExpression: 'attribute_not_exists(PK)' }
          : { ConditionExpression: 'version = :readVersion', ExpressionAttributeValues: { ':readVersion': condition.version } }),
      },
    },
    onConditionFailed: (options) => new ConflictError(`District ${item.id} was changed concurrently`, options),
  };
}

/** The district item, synced like an entity (see syncEntity): created, adopted, or changed where the file changed. */
export function syncDistrictRecord(store: Store, file: DistrictFile): Promise<EntityOutcome> {
  const districts = new DistrictRepository(store);
  const desired = districtFileState(file);
  return retryOnConflict(async () => {
    const current = (await districts.get(file.id)) as SyncedDistrict | undefined;
    if (!current) {
      const item = { ...districtKey(file.id), id: file.id, name: file.name, timezone: file.timezone, ...(file.reportUrl ? { reportUrl: file.reportUrl } : {}), policy: file.policy, version: 1, fileState: desired };
      await transactWrite(store, [put(store, item, {})]);
      return 'created';
    }
    if (current.fileState && sameValue(current.fileState, desired)) return 'unchanged';
    const next = { ...current, ...applied(current, current.fileState ? fileChanges(current.fileState, desired) : {}) };
    if (!current.fileState || changesNothing(current as unknown as Fields, next)) {
      await transactWrite(store, [recordFileState(store, current, current.version, desired)]);
      return 'unchanged';
    }
    const stored = { ...next, version: current.version + 1, fileState: desired };
    const change = { districtId: file.id, timezone: stored.timezone, at: new Date().toISOString(), version: stored.version };
    const events = [
      ...(stored.name !== current.name || stored.timezone !== current.timezone ? [districtEvent({ ...change, name: stored.name })] : []),
      ...(sameValue(stored.policy, current.policy) ? [] : [dutyPolicyEvent({ ...change, policy: stored.policy })]),
    ];
    await transactWrite(store, [put(store, stored, { version: current.version }), ...events.map((event) => outboxWrite(store, event))]);
    return 'updated';
  });
}
