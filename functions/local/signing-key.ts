import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';

/** The ES256 key pair that plays Cognito's part locally: the token CLI signs, the server verifies. */
export interface LocalSigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

export const SIGNING_KEY_FILE = 'local-signing-key.json';
const ALGORITHM = 'ES256';

/**
 * Reads `<dataDir>/local-signing-key.json`, creating it on first use. The file is written
 * completely under a temporary name and then hard-linked into place: `link` fails with EEXIST
 * when another process (server or token CLI) got there first, and then both read the one key
 * that won, never a half-written file.
 */
export async function loadOrCreateSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const file = join(dataDir, SIGNING_KEY_FILE);
  const existing = await readKeyFile(file);
  if (existing) return existing;
  await mkdir(dataDir, { recursive: true });
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), alg: ALGORITHM, use: 'sig', kid: randomBytes(8).toString('hex') };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temporary, `${JSON.stringify(jwk, null, 2)}\n`, { flag: 'wx', mode: 0o600 });
  try {
    await link(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    await unlink(temporary);
  }
  const stored = await readKeyFile(file);
  if (!stored) throw new Error(`${file} vanished right after it was written`);
  return stored;
}

async function readKeyFile(file: string): Promise<LocalSigningKey | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d || !jwk.kid) throw new Error('not a P-256 private JWK with a kid');
    const { d: _private, ...publicJwk } = jwk;
    return {
      kid: jwk.kid,
      privateKey: (await importJWK(jwk, ALGORITHM)) as KeyLike,
      publicKey: (await importJWK(publicJwk, ALGORITHM)) as KeyLike,
    };
  } catch (error) {
    throw new Error(`${file} is not a valid signing key (${(error as Error).message}); delete it to create a new one`);
  }
}
