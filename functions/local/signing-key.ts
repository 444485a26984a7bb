import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { readOrCreateKeyFile } from './key-file';

/** The ES256 key pair that plays Cognito's part locally: the token CLI signs, the server verifies. */
export interface LocalSigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
}

export const SIGNING_KEY_FILE = 'local-signing-key.json';
const ALGORITHM = 'ES256';

/** Reads `<dataDir>/local-signing-key.json`, creating it on first use (key-file.ts: 0600, never half-written). */
export async function loadOrCreateSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const file = join(dataDir, SIGNING_KEY_FILE);
  return parseKeyFile(file, await readOrCreateKeyFile(file, newKeyFile));
}

async function newKeyFile(): Promise<string> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), alg: ALGORITHM, use: 'sig', kid: randomBytes(8).toString('hex') };
  return `${JSON.stringify(jwk, null, 2)}\n`;
}

async function parseKeyFile(file: string, text: string): Promise<LocalSigningKey> {
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
