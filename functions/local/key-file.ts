import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * The text of a key file in the data folder, creating it with `create()` on first use, readable
 * by its owner alone (0600). The file is written completely under a temporary name and then
 * hard-linked into place: `link` fails with EEXIST when another process (server or token CLI)
 * got there first, and then both read the one file that won, never a half-written one.
 */
export async function readOrCreateKeyFile(file: string, create: () => Promise<string> | string): Promise<string> {
  const existing = await readIfPresent(file);
  if (existing !== undefined) return existing;
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, await create(), { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  const stored = await readIfPresent(file);
  if (stored === undefined) throw new Error(`${file} vanished right after it was written`);
  return stored;
}

async function readIfPresent(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
