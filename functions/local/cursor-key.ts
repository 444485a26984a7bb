import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { readOrCreateKeyFile } from './key-file';

export const CURSOR_KEY_FILE = 'local-cursor-key';
export const WEBHOOK_KEY_FILE = 'local-webhook-key';

/**
 * Key material of the local server, one file each in the data folder: 32 random bytes in
 * base64url, created on the first start (0600, like the signing key) and kept, so what was
 * sealed with it survives a restart. Each plays the part a generated secret of the deployment
 * plays on AWS: the cursors' key (store/cursor.ts) and the key of the webhook endpoints' secrets.
 */
async function loadOrCreateLocalKey(dataDir: string, fileName: string, what: string): Promise<string> {
  const file = join(dataDir, fileName);
  const material = (await readOrCreateKeyFile(file, () => `${randomBytes(32).toString('base64url')}\n`)).trim();
  if (material.length < 32) throw new Error(`${file} is not a valid ${what} (fewer than 32 characters); delete it to create a new one`);
  return material;
}

export const loadOrCreateCursorKey = (dataDir: string): Promise<string> => loadOrCreateLocalKey(dataDir, CURSOR_KEY_FILE, 'cursor key');

/** The API seals endpoint secrets with it and the local deliverer opens them: both read this one file. */
export const loadOrCreateWebhookKey = (dataDir: string): Promise<string> => loadOrCreateLocalKey(dataDir, WEBHOOK_KEY_FILE, 'webhook key');
