import { existsSync } from 'node:fs';
import { COGNITO_CLAIM_MAPPING, claimMappingOf, type ClaimMapping } from '../domain/deployment/identity';
import { signLocalToken } from './local-auth';
import { readDistrictFile } from './local-database';
import { districtFilePath, resolveDataDir } from './paths';
import { loadOrCreateSigningKey } from './signing-key';
import { parseTokenArgs } from './token-args';

/** The district file's claim mapping, so the token has its provider's shape; Cognito's for a district without a file. */
async function claimMappingOfDistrict(districtId: string): Promise<ClaimMapping> {
  if (!existsSync(districtFilePath(districtId))) return COGNITO_CLAIM_MAPPING;
  return claimMappingOf((await readDistrictFile(districtId)).identity);
}

/**
 * `npm run -s token -- --role ADMIN --district dingnan [--officer ID]`: prints a bearer token
 * of the local OIDC provider, shaped as the district's identity provider shapes its tokens (the
 * claim names and group values of its district file), and nothing else, so `TOKEN=$(npm run -s token -- ...)` works.
 * Bad flags: one line on stderr, exit 2.
 */
async function main(): Promise<void> {
  let identity;
  try {
    identity = parseTokenArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  const key = await loadOrCreateSigningKey(resolveDataDir());
  process.stdout.write(`${await signLocalToken(key, identity, new Date(), await claimMappingOfDistrict(identity.district))}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
