import { join, resolve } from 'node:path';

/** The repository root: district files and the default data and build folders live under it. */
export const repoRoot = resolve(__dirname, '..', '..');

/** The table the local server creates and the handler is told to use. */
export const LOCAL_TABLE_NAME = 'community-city-services';

export const DEFAULT_PORT = 4000;
export const DEFAULT_DISTRICT = 'dingnan';

/**
 * Where local state lives (DynamoDB Local files, the signing key): `DATA_DIR` (resolved
 * against the working directory) or `.data` in the repository. The server and the token CLI
 * both call this, so a token signed by one is accepted by the other.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATA_DIR ? resolve(env.DATA_DIR) : join(repoRoot, '.data');
}

/** The API Lambda bundle is built per data folder, so a test's server never rewrites the bundle a running `npm start` loaded. */
export const bundleDirOf = (dataDir: string): string => join(dataDir, 'api-bundle');

export function districtFilePath(districtId: string): string {
  return join(repoRoot, 'infra', 'districts', `${districtId}.json`);
}
