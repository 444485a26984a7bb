import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import { readOrCreateKeyFile } from './key-file';

/**
 * The RSA key pair of the local OIDC provider: the token CLI signs with it, the server publishes
 * its public half as the provider's JWKS. RS256, because API Gateway's JWT authorizer verifies
 * RSA signatures only, so a token that passes locally has the shape a deployed stack accepts.
 */
export interface LocalSigningKey {
  kid: string;
  privateKey: KeyLike;
  publicKey: KeyLike;
  /** The public key as published in the JWKS (`kid`, `alg`, `use` included). */
  publicJwk: JWK;
}

/** A new name for the RSA key: a data folder's older P-256 key file is left alone and no longer read. */
export const SIGNING_KEY_FILE = 'local-oidc-signing-key.json';
export const SIGNING_ALGORITHM = 'RS256';

/** Reads `<dataDir>/local-oidc-signing-key.json`, creating it on first use (key-file.ts: 0600, never half-written). */
export async function loadOrCreateSigningKey(dataDir: string): Promise<LocalSigningKey> {
  const file = join(dataDir, SIGNING_KEY_FILE);
  return parseKeyFile(file, await readOrCreateKeyFile(file, newKeyFile));
}

async function newKeyFile(): Promise<string> {
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true, modulusLength: 2048 });
  const jwk: JWK = { ...(await exportJWK(privateKey)), alg: SIGNING_ALGORITHM, use: 'sig', kid: randomBytes(8).toString('hex') };
  return `${JSON.stringify(jwk, null, 2)}\n`;
}

async function parseKeyFile(file: string, text: string): Promise<LocalSigningKey> {
  try {
    const jwk = JSON.parse(text) as JWK;
    if (jwk.kty !== 'RSA' || !jwk.d || !jwk.kid) throw new Error('not an RSA private JWK with a kid');
    const publicJwk: JWK = { kty: jwk.kty, n: jwk.n, e: jwk.e, alg: SIGNING_ALGORITHM, use: 'sig', kid: jwk.kid };
    return {
      kid: jwk.kid,
      privateKey: (await importJWK(jwk, SIGNING_ALGORITHM)) as KeyLike,
      publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as KeyLike,
      publicJwk,
    };
  } catch (error) {
    throw new Error(`${file} is not a valid signing key (${(error as Error).message}); delete it to create a new one`);
  }
}
