import DataLoader from 'dataloader';
import { NotFoundError } from '../shared/errors';
import { BATCH_GET_LIMIT } from '../store/batch-get';
import { createDutyLoaders, type DutyLoaders } from './duty-loaders';
import type { EntityRepository } from '../store/entity-repository';
import type { GridRecord } from '../store/grids';
import type { IssueEventRecord, IssueRecord } from '../store/issues/issue-record';
import type { OfficerRecord } from '../store/officers';
import type { StoredEntity } from '../store/records';
import type { StationRecord } from '../store/stations';
import type { Services } from '../app/services';

/**
 * Per-request batch loaders for one district, so a query costs one DynamoDB round trip per
 * nesting level, not one per item: items by id go through BatchGetItem (≤ 100 keys a call),
 * and "children of these parents" read the district's collection of that type once (one
 * Query; reference data is hundreds of items) and group it in memory.
 */
export interface Loaders {
  stationById: DataLoader<string, StationRecord | undefined>;
  gridById: DataLoader<string, GridRecord | undefined>;
  officerById: DataLoader<string, OfficerRecord | undefined>;
  gridsOfDistrict: () => Promise<GridRecord[]>;
  officersOfDistrict: () => Promise<OfficerRecord[]>;
  issueById: DataLoader<string, IssueRecord | undefined>;
  /** An issue's history: one Query per issue, run in parallel (histories live in each issue's partition). */
  issueHistory: DataLoader<string, IssueEventRecord[]>;
  /** Duty data (activities, rosters, attendance, leave, compliance), read per week. */
  duty: DutyLoaders;
}

export function createLoaders(services: Services, districtId: string): Loaders {
  const officersOfDistrict = once(() => services.officers.all(districtId));
  const officerById = byId(services.officers, districtId);
  return {
    stationById: byId(services.stations, districtId),
    gridById: byId(services.grids, districtId),
    officerById,
    gridsOfDistrict: once(() => services.grids.all(districtId)),
    issueById: new DataLoader((ids) => services.issues.batchGet(districtId, ids), { maxBatchSize: BATCH_GET_LIMIT }),
    issueHistory: new DataLoader((ids) => Promise.all(ids.map((id) => services.issues.history(districtId, id)))),
    duty: createDutyLoaders(services, districtId),
    officersOfDistrict: async () => {
      const officers = await officersOfDistrict();
      for (const officer of officers) officerById.prime(officer.id, officer);
      return officers;
    },
  };
}

/** An item a record refers to and must resolve (a shift's station, a leave's officer): NOT_FOUND names it when it is gone. */
export async function loadReferenced<T>(loader: DataLoader<string, T | undefined>, id: string, label: string): Promise<T> {
  const item = await loader.load(id);
  if (!item) throw new NotFoundError(label, id);
  return item;
}

function byId<T extends StoredEntity>(repository: EntityRepository<T>, districtId: string) {
  return new DataLoader<string, T | undefined>((ids) => repository.batchGet(districtId, ids), {
    maxBatchSize: BATCH_GET_LIMIT,
  });
}

function once<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => (pending ??= load());
}
