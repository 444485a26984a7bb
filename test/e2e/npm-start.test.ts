import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../functions/local/dynamodb-local';
import { postGraphql } from './support/graphql-client';
import { isAlive, runTokenCli, startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(240_000);

const STATIONS = '{ district { id name } stations(first: 100) { edges { node { id name } } } }';

/** The real `npm start` program as a child process, on its own port and data dir. */
describe('npm start', () => {
  let dataDir: string;
  let running: LocalProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'npm-start-'));
  });
  afterAll(async () => {
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given a fresh data dir, when started, changed, stopped and restarted, then the change survives, nothing is reseeded, the explorer is not rebuilt and no java is left behind', async () => {
    const env = { PORT: String(await freePort()), DATA_DIR: dataDir };

    running = await startLocalProcess(env);
    expect(running.output().match(/^.*ready.*$/gm)).toEqual([`ready: http://localhost:${env.PORT}/graphql (district dingnan; data in ${dataDir})`]);
    expect(running.output()).toMatch(/seeded district dingnan: 12 stations/);
    expect(running.output()).toMatch(/^explorer built in /m);

    const { stdout } = runTokenCli(['--role', 'ADMIN', '--district', 'dingnan'], dataDir);
    const token = stdout.trim();
    const seeded = await postGraphql(running.url, STATIONS, { token });
    expect(seeded.body.errors).toBeUndefined();
    expect(seeded.body.data?.district).toEqual({ id: 'dingnan', name: '定南县' });
    expect(seeded.body.data?.stations.edges).toHaveLength(12);

    const created = await postGraphql(running.url, 'mutation($input: CreateStationInput!) { createStation(input: $input) { id name } }', {
      token,
      variables: { input: { name: '测试驿站', kind: 'SERVICE_POST', community: '测试社区' } },
    });
    expect(created.body.errors).toBeUndefined();
    const stationId = created.body.data?.createStation.id as string;

    const javaPid = running.dynamoDbPid;
    expect(isAlive(javaPid)).toBe(true);
    expect(await running.terminate()).toBe(0);
    running = undefined;
    expect(isAlive(javaPid)).toBe(false);

    running = await startLocalProcess({ ...env, PORT: String(await freePort()) });
    expect(running.output()).toMatch(/district dingnan was seeded before/);
    expect(running.output()).toMatch(/^explorer reused in /m);
    const after = await postGraphql(running.url, STATIONS, { token });
    const names = (after.body.data?.stations.edges as { node: { id: string; name: string } }[]).map((edge) => edge.node);
    expect(names).toHaveLength(13);
    expect(names).toContainEqual({ id: stationId, name: '测试驿站' });
    expect(await running.terminate()).toBe(0);
    running = undefined;
  });
});
