import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../../functions/local/local-auth';
import { startLocalServer, type LocalServer } from '../../functions/local/local-server';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { apiAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';
import { errorCodes, postGraphql } from './support/graphql-client';

// Synthesizing the stack bundles every function (thirteen esbuild builds), then the local server builds its own: minutes on a busy machine.
jest.setTimeout(600_000);

/** The very code CDK stages for upload (the NodejsFunction asset), served over HTTP and exercised end to end. */
describe('the deploy bundle', () => {
  let synthesized: SynthesizedStack;
  let dataDir: string;
  let server: LocalServer;
  let token: (role: 'ADMIN' | 'OFFICER') => Promise<string>;

  beforeAll(async () => {
    synthesized = synthesizeDistrictStack('dingnan');
    dataDir = await mkdtemp(join(tmpdir(), 'deploy-bundle-'));
    server = await startLocalServer({ port: 0, dataDir, district: 'dingnan', bundle: join(apiAssetDirectory(synthesized), 'index.js') });
    const key = await loadOrCreateSigningKey(dataDir);
    token = (role) => signLocalToken(key, { role, district: 'dingnan' });
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    synthesized?.cleanup();
  });

  test('given the synthesized asset, when a station is created, read nested and updated stale, then it behaves as the source does', async () => {
    const admin = await token('ADMIN');

    const created = await postGraphql(server.url, 'mutation { createStation(input: { name: "部署驿站", kind: SERVICE_POST }) { id version } }', { token: admin });
    const nested = await postGraphql(server.url, '{ station(id: "dn-s-02") { name grids { code leader { name } } officers { role phone } } }', { token: admin });
    const stale = await postGraphql(
      server.url,
      `mutation { updateStation(input: { id: "${created.body.data?.createStation.id}", expectedVersion: 7, name: "x" }) { id } }`,
      { token: admin },
    );

    expect(created.body.data?.createStation.version).toBe(1);
    expect(nested.body.errors).toBeUndefined();
    expect(nested.body.data?.station.officers).toHaveLength(5);
    expect(nested.body.data?.station.officers.every((officer: { phone: string | null }) => officer.phone)).toBe(true);
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
  });

  test('given the synthesized asset, when an officer writes reference data, then FORBIDDEN', async () => {
    const answer = await postGraphql(server.url, 'mutation { deactivateStation(id: "dn-s-01") { id } }', { token: await token('OFFICER') });

    expect(errorCodes(answer)).toEqual(['FORBIDDEN']);
  });
});
