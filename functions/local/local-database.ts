import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { parseDistrictFile, type DistrictFile } from '../domain/district-file';
import type { Store } from '../store/client';
import type { SeedResult } from '../store/seed-district';
import { createTableInput } from '../store/table-definition';
import { DISTRICT_ID_PATTERN, districtFilePath, repoRoot } from './paths';

/** Reads and validates `infra/districts/<id>.json`; one-line errors for a bad id, a missing file or bad content. */
export async function readDistrictFile(districtId: string): Promise<DistrictFile> {
  if (!DISTRICT_ID_PATTERN.test(districtId)) {
    throw new Error(`district must be a district id (lower-case letters, digits, dashes), not "${districtId}"`);
  }
  const path = districtFilePath(districtId);
  const name = relative(repoRoot, path);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(`no district file ${name}: onboard the district first`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name}: not JSON (${(error as Error).message})`);
  }
  const file = parseDistrictFile(json, name);
  if (file.id !== districtId) throw new Error(`${name}: id is "${file.id}", expected "${districtId}"`);
  return file;
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

export function describeSeed(districtId: string, result: SeedResult): string {
  if (result.district === 'existing') return `district ${districtId} was seeded before; kept as it is`;
  const { stations, officers, grids } = result.created;
  return `seeded district ${districtId}: ${stations} stations, ${officers} officers, ${grids} grids`;
}
