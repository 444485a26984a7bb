import type { DistrictFile } from '../../domain/district-file';
import type { Fields } from '../../domain/file-changes';
import type { Store } from '../client';
import { GridRepository } from '../grids';
import { OfficerRepository } from '../officers';
import type { StoredEntity } from '../records';
import { StationRepository } from '../stations';
import { gridSpec, officerSpec, stationSpec } from './entity-specs';
import { syncDistrictRecord } from './sync-district-record';
import { syncEntity, type EntityOutcome, type EntitySpec } from './sync-entity';

export interface SyncCounts {
  created: number;
  updated: number;
  /** Stations and officers the file no longer lists, deactivated by this run. */
  deactivated: number;
  unchanged: number;
}

export interface SyncResult {
  district: EntityOutcome;
  stations: SyncCounts;
  officers: SyncCounts;
  grids: SyncCounts;
}

export interface SyncOptions {
  /** The time written as createdAt / updatedAt; default now. */
  now?: string;
}

/**
 * Applies a district file to the table: the one loader behind deploys (the onboarding custom
 * resource) and `npm start` alike. The rule that serves both: **the file changes what the file
 * changed.** Every item remembers the file values last applied to it (`fileState`), and a run
 * writes only fields whose file value differs from that, so
 *
 * - a first run creates the district, its stations, officers and grids with the file's ids;
 * - re-running the same file writes nothing and bumps no version (a deploy of an unchanged file,
 *   every later `npm start`): data changed through the API is never overwritten by it;
 * - an edited file updates exactly the edited fields (on a field both the file and the API
 *   changed, the newer file wins: it is the later, deliberate decision);
 * - a station or officer the file no longer lists is deactivated, never deleted; a grid the
 *   file no longer lists is left as it is (grids have no active flag, and issues refer to them);
 *   nothing people recorded (issues, activities, rosters) is touched; entities created through
 *   the API are not the file's and are never touched.
 *
 * Each entity is written in its own transaction with its unique claims and reference checks,
 * stations first, then officers (which name stations), then grids (which name both), then the
 * district item last. A run that fails half-way leaves whole entities only; running it again
 * finds them by their file ids and finishes the rest, without duplicates.
 */
export async function syncDistrict(store: Store, file: DistrictFile, options: SyncOptions = {}): Promise<SyncResult> {
  const now = options.now ?? new Date().toISOString();
  const districtId = file.id;
  const stations = new StationRepository(store);
  const officers = new OfficerRepository(store);
  const grids = new GridRepository(store);

  const stationCounts = await syncType(store, stationSpec(store, stations), {
    districtId,
    now,
    path: 'stations',
    entries: file.stations.map(({ id, ...fields }) => ({ id, desired: { ...fields, active: true } })),
    removal: 'deactivate',
  });
  const officerCounts = await syncType(store, officerSpec(officers, stations), {
    districtId,
    now,
    path: 'officers',
    entries: file.officers.map(({ id, ...fields }) => ({ id, desired: { ...fields, active: true } })),
    removal: 'deactivate',
  });
  const gridCounts = await syncType(store, gridSpec(store, grids, stations, officers), {
    districtId,
    now,
    path: 'grids',
    entries: file.grids.map(({ id, ...fields }) => ({ id, desired: fields })),
    removal: 'keep',
  });
  const district = await syncDistrictRecord(store, file);
  return { district, stations: stationCounts, officers: officerCounts, grids: gridCounts };
}

interface TypeSync {
  districtId: string;
  now: string;
  /** The file's list, for error paths: `stations.3.serviceCode`. */
  path: string;
  entries: { id: string; desired: Fields }[];
  /** What happens to an entity the file listed before and no longer does. */
  removal: 'deactivate' | 'keep';
}

/**
 * Syncs one entity type, one entity at a time in file order (its references were written
 * before it). One Query reads the district's current items of the type.
 */
async function syncType<T extends StoredEntity>(store: Store, spec: EntitySpec<T>, sync: TypeSync): Promise<SyncCounts> {
  const counts: SyncCounts = { created: 0, updated: 0, deactivated: 0, unchanged: 0 };
  const stored = new Map((await spec.repository.all(sync.districtId)).map((item) => [item.id, item]));

  for (const [index, entry] of sync.entries.entries()) {
    const target = { districtId: sync.districtId, id: entry.id, desired: entry.desired, path: `${sync.path}.${index}`, now: sync.now };
    counts[await syncEntity(store, spec, target, stored.get(entry.id))] += 1;
  }
  if (sync.removal === 'keep') return counts;

  const listed = new Set(sync.entries.map((entry) => entry.id));
  for (const item of stored.values()) {
    if (listed.has(item.id) || !item.fileState) continue;
    const target = {
      districtId: sync.districtId,
      id: item.id,
      desired: { ...item.fileState, active: false },
      path: `${sync.path} (removed ${item.id})`,
      now: sync.now,
    };
    const outcome = await syncEntity(store, spec, target, item);
    counts[outcome === 'updated' ? 'deactivated' : outcome] += 1;
  }
  return counts;
}
