import { join } from 'node:path';
import { readDistrictFile } from '../../infra/district-files';
import type { DistrictFile } from '../../functions/domain/district-file';
import type { Store } from '../../functions/store/client';
import { syncDistrict } from '../../functions/store/onboarding/sync-district';

/** A district onboarding file from infra/districts, read and validated as a synth reads it. */
export function districtFile(id: string): DistrictFile {
  return readDistrictFile(join(__dirname, '..', '..', 'infra', 'districts', `${id}.json`));
}

/** Loads a district file into the store through the onboarding sync that deploys and `npm start` use. */
export async function seed(store: Store, id: string): Promise<DistrictFile> {
  const file = districtFile(id);
  await syncDistrict(store, file);
  return file;
}
