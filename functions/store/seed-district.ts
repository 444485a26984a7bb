import type { DistrictFile } from '../domain/district-file';
import { ConflictError } from '../shared/errors';
import type { Store } from './client';
import { DistrictRepository } from './districts';
import type { EntityRepository } from './entity-repository';
import { GridRepository, type GridFields } from './grids';
import { createOfficerRepository, type OfficerRepository } from './officers';
import type { StoredEntity } from './records';
import { StationRepository } from './stations';
import type { GuardedWrite } from './transact';

export interface SeedResult {
  district: 'created' | 'existing';
  /** Entities this call wrote; those an earlier, interrupted call wrote are not counted. */
  created: { stations: number; officers: number; grids: number };
}

/**
 * Seeds a district from its onboarding file, once.
 *
 * - If the district item exists, nothing is written: a later start never reseeds over (or
 *   loses) data changed through the API since.
 * - Otherwise stations, then officers, then grids are created with the file's ids, each in its
 *   own transaction with its unique claims and reference checks; one that already exists is
 *   skipped. The district item is written last, so a seed interrupted half-way leaves no
 *   district and the next call resumes it without duplicates.
 */
export async function seedDistrict(store: Store, file: DistrictFile, options: { now?: string } = {}): Promise<SeedResult> {
  const created = { stations: 0, officers: 0, grids: 0 };
  const districts = new DistrictRepository(store);
  if (await districts.get(file.id)) return { district: 'existing', created };

  const now = options.now ?? new Date().toISOString();
  const districtId = file.id;
  const stations = new StationRepository(store);
  const officers = createOfficerRepository(store);
  const grids = new GridRepository(store);

  // One at a time, in file order: grids check the stations and officers written before them.
  for (const { id, ...fields } of file.stations) {
    if (await createOnce(stations.entities, districtId, id, () => stations.create(districtId, id, { ...fields, active: true }, now))) {
      created.stations += 1;
    }
  }
  for (const [index, { id, ...fields }] of file.officers.entries()) {
    const checks = fields.stationId ? [stations.entities.mustExist(districtId, fields.stationId, `officers.${index}.stationId`)] : [];
    if (await createOnce(officers, districtId, id, () => officers.create(districtId, id, { ...fields, active: true }, now, checks))) {
      created.officers += 1;
    }
  }
  for (const [index, { id, ...fields }] of file.grids.entries()) {
    const checks = gridChecks(stations, officers, districtId, fields, `grids.${index}`);
    if (await createOnce(grids.entities, districtId, id, () => grids.create(districtId, id, fields, now, checks))) {
      created.grids += 1;
    }
  }

  const written = await districts.createIfAbsent({ id: districtId, name: file.name, timezone: file.timezone, policy: file.policy });
  return { district: written ? 'created' : 'existing', created };
}

/** The grid's station, leader and members must exist; a transaction may touch an item only once, so each officer is checked once. */
function gridChecks(
  stations: StationRepository,
  officers: OfficerRepository,
  districtId: string,
  grid: Pick<GridFields, 'stationId' | 'leaderId' | 'officerIds'>,
  path: string,
): GuardedWrite[] {
  const members = new Map<string, string>();
  if (grid.leaderId) members.set(grid.leaderId, `${path}.leaderId`);
  grid.officerIds.forEach((officerId, j) => {
    if (!members.has(officerId)) members.set(officerId, `${path}.officerIds.${j}`);
  });
  return [
    stations.entities.mustExist(districtId, grid.stationId, `${path}.stationId`),
    ...[...members].map(([officerId, memberPath]) => officers.mustExist(districtId, officerId, memberPath)),
  ];
}

/**
 * Runs `create` and answers whether it wrote the entity. An entity that is already there (an
 * interrupted earlier seed, or a concurrent one, wrote it) is skipped; any other failure,
 * including a conflict over an entity that does not exist, is re-thrown.
 */
async function createOnce<T extends StoredEntity>(
  repository: EntityRepository<T>,
  districtId: string,
  id: string,
  create: () => Promise<unknown>,
): Promise<boolean> {
  try {
    await create();
    return true;
  } catch (error) {
    if (error instanceof ConflictError && (await repository.get(districtId, id))) return false;
    throw error;
  }
}
