import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DistrictFile } from '../functions/domain/district-file';
import { findLocalDatabase } from '../functions/local/duty-jobs';
import { signLocalToken } from '../functions/local/local-auth';
import { readDistrictFile } from '../functions/local/local-database';
import { startLocalServer } from '../functions/local/local-server';
import { LOCAL_TABLE_NAME } from '../functions/local/paths';
import { loadOrCreateSigningKey } from '../functions/local/signing-key';
import { createStore, type Store } from '../functions/store/client';
import { UPDATE_LIMITS } from './operations';

export const DISTRICT = 'dingnan';

/** Public calls allowed per service code and per client address per minute while the load runs (the policy's maximum). */
export const PUBLIC_LIMIT_PER_MINUTE = 1000;

/** A running local stack to load, and what the load needs to call it and check it afterwards. */
export interface LoadTarget {
  /** `http://127.0.0.1:<port>`: loopback only. */
  origin: string;
  tokens: { supervisor: string; officer: string };
  district: DistrictFile;
  /** The table behind the server, for the check after the load (which may read it all). */
  store: Store;
  stop(): Promise<void>;
}

/**
 * Starts `npm start`'s stack in this process (DynamoDB Local, the Dingnan seed, the deploy
 * bundle behind the API Gateway adapter) on a free loopback port in a fresh data folder, mints
 * local tokens, and raises the district's public rate limits to their maximum so the load's
 * resident reports, all from 127.0.0.1, are not what it measures.
 */
export async function startLoadTarget(log: (line: string) => void = () => undefined): Promise<LoadTarget> {
  // The bundle reads these when it loads: one log line and one metrics record per request would
  // flood the terminal the results are printed to. Errors are counted from the answers instead;
  // requests autocannon abandons when the time is up still run, and may fail once it stops the stack.
  process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  const dataDir = await mkdtemp(join(tmpdir(), 'load-'));
  const server = await startLocalServer({ port: 0, dataDir, district: DISTRICT, log });
  const cleanUp = async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const origin = `http://127.0.0.1:${server.port}`;
    const key = await loadOrCreateSigningKey(dataDir);
    const admin = await signLocalToken(key, { role: 'ADMIN', district: DISTRICT });
    const tokens = {
      supervisor: await signLocalToken(key, { role: 'SUPERVISOR', district: DISTRICT }),
      officer: await signLocalToken(key, { role: 'OFFICER', district: DISTRICT, officerId: 'dn-o-01-2' }),
    };
    await raisePublicLimits(origin, admin);
    const database = await findLocalDatabase(dataDir, {});
    const store = createStore({ tableName: LOCAL_TABLE_NAME, endpoint: database.endpoint, region: 'cn-north-1' });
    return {
      origin,
      tokens,
      district: await readDistrictFile(DISTRICT),
      store,
      stop: async () => {
        store.doc.destroy();
        await cleanUp();
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

async function raisePublicLimits(origin: string, adminToken: string): Promise<void> {
  const response = await fetch(`${origin}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({ query: UPDATE_LIMITS, variables: { input: { publicReportsPerCodePerMinute: PUBLIC_LIMIT_PER_MINUTE, publicCallsPerAddressPerMinute: PUBLIC_LIMIT_PER_MINUTE, publicReportsPerAddressAndCodePerMinute: PUBLIC_LIMIT_PER_MINUTE } } }),
  });
  const answer = (await response.json()) as { errors?: unknown[] };
  if (response.status !== 200 || answer.errors) throw new Error(`raising the public rate limits failed: ${response.status} ${JSON.stringify(answer)}`);
}
