import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateKeyFile } from './key-file';

export const CURSOR_KEY_FILE = 'local-cursor-key';

/**
 * The key material of the local server's cursors (store/cursor.ts): `<dataDir>/local-cursor-key`,
 * 32 random bytes in base64url, created on the first start (0600, like the signing key) and
 * kept, so cursors a client holds survive a restart. It plays the part the deployment's
 * generated secret plays on AWS.
 */
export async function loadOrCreateCursorKey(dataDir: string): Promise<string> {
  const file = join(dataDir, CURSOR_KEY_FILE);
  const material = (await readOrCreateKeyFile(file, () => `${randomBytes(32).toString('base64url')}\n`)).trim();
  if (material.length < 32) throw new Error(`${file} is not a valid cursor key (fewer than 32 characters); delete it to create a new one`);
  return material;
}
