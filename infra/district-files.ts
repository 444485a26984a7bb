import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { parseDistrictFile, type DistrictFile } from '../functions/domain/district-file';

/** Where onboarding files live: one `<id>.json` per district, one stack each. */
export const districtsDirectory = join(__dirname, 'districts');

/** A district file that cannot be used; the message names the file and every problem in it. */
export class DistrictFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistrictFileError';
  }
}

const displayName = (path: string): string => relative(process.cwd(), path) || path;

/**
 * Reads and validates one district file: JSON, the zod schema (every bad field in one message),
 * and an id equal to the file name, since the file name is how `--district` finds it.
 */
export function readDistrictFile(path: string): DistrictFile {
  const name = displayName(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new DistrictFileError(`no district file ${name}: onboard the district first`);
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DistrictFileError(`${name}: not JSON (${(error as Error).message})`);
  }
  let file: DistrictFile;
  try {
    file = parseDistrictFile(json, name);
  } catch (error) {
    throw new DistrictFileError((error as Error).message);
  }
  const expected = basename(path, '.json');
  if (file.id !== expected) throw new DistrictFileError(`${name}: id: is "${file.id}", expected "${expected}" (the file name)`);
  return file;
}

/** The ids of the district files in `directory`, sorted. */
export function districtIds(directory = districtsDirectory): string[] {
  return readdirSync(directory)
    .filter((entry) => entry.endsWith('.json'))
    .map((entry) => basename(entry, '.json'))
    .sort();
}

/**
 * Every district file in `directory`, validated. All bad files are reported together, one line
 * each, so a synth names every mistake at once.
 */
export function readDistrictDirectory(directory = districtsDirectory): DistrictFile[] {
  const files: DistrictFile[] = [];
  const problems: string[] = [];
  for (const id of districtIds(directory)) {
    try {
      files.push(readDistrictFile(join(directory, `${id}.json`)));
    } catch (error) {
      if (!(error instanceof DistrictFileError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length > 0) throw new DistrictFileError(`Invalid district files:\n${problems.join('\n')}`);
  return files;
}
