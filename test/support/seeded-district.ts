import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDistrictFile, type DistrictFile } from '../../functions/domain/district-file';
import { seedDistrict } from '../../functions/store/seed-district';
import type { Store } from '../../functions/store/client';

/** A district onboarding file from infra/districts, parsed as the loader parses it. */
export function districtFile(id: string): DistrictFile {
  const fileName = join(__dirname, '..', '..', 'infra', 'districts', `${id}.json`);
  return parseDistrictFile(JSON.parse(readFileSync(fileName, 'utf8')), fileName);
}

export async function seed(store: Store, id: string): Promise<DistrictFile> {
  const file = districtFile(id);
  await seedDistrict(store, file);
  return file;
}
