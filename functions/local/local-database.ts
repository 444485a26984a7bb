import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { readDistrictFile as readDistrictFileAt } from '../../infra/district-files';
import type { DistrictFile } from '../domain/district-file';
import type { Store } from '../store/client';
import type { SyncCounts, SyncResult } from '../store/onboarding/sync-district';
import { createTableInput } from '../store/table-definition';
import { DISTRICT_ID_PATTERN } from '../domain/vocabulary';
import { districtFilePath } from './paths';

/** Reads and validates `infra/districts/<id>.json` as a synth does; one-line errors for a bad id, a missing file or bad content. */
export async function readDistrictFile(districtId: string): Promise<DistrictFile> {
  if (!DISTRICT_ID_PATTERN.test(districtId)) {
    throw new Error(`district must be a district id (lower-case letters, digits, dashes), not "${districtId}"`);
  }
  return readDistrictFileAt(districtFilePath(districtId));
}

/** Creates the table with the deployed layout; an existing table (a restart) is kept as it is. */
export async function ensureTable(store: Store): Promise<'created' | 'existing'> {
  try {
    await store.doc.send(new CreateTableCommand(createTableInput(store.tableName)));
    return 'created';
  } catch (error) {
    if ((error as Error).name === 'ResourceInUseException') return 'existing';
    throw error;
  }
}

/** One progress line for a sync: what the first start seeded, or what a later start changed (usually nothing). */
export function describeSync(districtId: string, result: SyncResult): string {
  if (result.district === 'created') {
    const created = (counts: SyncCounts) => counts.created + counts.unchanged;
    return `seeded district ${districtId}: ${created(result.stations)} stations, ${created(result.officers)} officers, ${created(result.grids)} grids`;
  }
  const changes = (['stations', 'officers', 'grids'] as const).flatMap((type) => {
    const { created, updated, deactivated } = result[type];
    const parts = [created && `${created} created`, updated && `${updated} updated`, deactivated && `${deactivated} deactivated`].filter(Boolean);
    return parts.length > 0 ? [`${type} ${parts.join(', ')}`] : [];
  });
  if (result.district === 'updated') changes.unshift('district updated');
  return changes.length === 0
    ? `district ${districtId} was seeded before; its file is unchanged, data kept as it is`
    : `district ${districtId} was seeded before; applied the file's changes: ${changes.join('; ')}`;
}
