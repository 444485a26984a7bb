import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signLocalToken } from '../../functions/local/local-auth';
import { startLocalServer, type LocalServer } from '../../functions/local/local-server';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { errorCodes, postGraphql } from './support/graphql-client';

jest.setTimeout(120_000);

const STATIONS = '{ stations(first: 20) { edges { node { name } } } }';
const BY_SERVICE_CODE = '{ stationByServiceCode(code: "dingnan-ST01AV") { name serviceCode } }';

/** The local server in process (own port, data dir and bundle dir), with API Gateway's part played by the adapter. */
describe('local server over HTTP', () => {
  let dataDir: string;
  let server: LocalServer;
  let adminToken: string;
  let publicUrl: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'http-auth-'));
    server = await startLocalServer({ port: 0, dataDir, district: 'dingnan', buildDir: join(dataDir, 'build') });
    adminToken = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'dingnan' });
    publicUrl = server.url.replace('/graphql', '/public/graphql');
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given no token, when a resident looks up a service code, then the public station answers', async () => {
    const answer = await postGraphql(server.url, BY_SERVICE_CODE);

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ data: { stationByServiceCode: { name: '大世界社区城管服务工作站', serviceCode: 'dingnan-ST01AV' } } });
  });

  test('given no token, when stations are listed, then the handler answers UNAUTHENTICATED', async () => {
    const answer = await postGraphql(server.url, STATIONS);

    expect(errorCodes(answer)).toEqual(['UNAUTHENTICATED']);
  });

  test('given an admin token, when stations are listed, then the seeded stations answer', async () => {
    const answer = await postGraphql(server.url, STATIONS, { token: adminToken });

    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data?.stations.edges).toHaveLength(12);
  });

  test.each([
    ['garbage', 'not-a-jwt'],
    ['a token with a forged signature', () => `${adminToken.slice(0, adminToken.lastIndexOf('.'))}.AAAA`],
  ])('given %s as bearer token, when anything is asked, then 401 Unauthorized before the handler', async (_label, token) => {
    const answer = await postGraphql(server.url, BY_SERVICE_CODE, { token: typeof token === 'function' ? token() : token });

    expect(answer).toEqual({ status: 401, body: { message: 'Unauthorized' } });
  });

  test('given a valid admin token on /public/graphql, when stations are listed, then the public function, whose schema has no staff query, refuses it', async () => {
    const answer = await postGraphql(publicUrl, STATIONS, { token: adminToken });

    expect(answer.status).toBe(400);
    expect(errorCodes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  test('given /public/graphql without a token, when a service code is looked up, then it answers', async () => {
    const answer = await postGraphql(publicUrl, BY_SERVICE_CODE);

    expect(answer.body.data?.stationByServiceCode.serviceCode).toBe('dingnan-ST01AV');
  });

  test('given a GET with the query in the query string, when sent with a token, then the query string reaches the handler', async () => {
    const url = `${server.url}?query=${encodeURIComponent('{ district { id } }')}`;

    const response = await fetch(url, { headers: { authorization: `Bearer ${adminToken}`, 'apollo-require-preflight': 'true' } });

    expect(await response.json()).toEqual({ data: { district: { id: 'dingnan' } } });
  });

  test('given an unknown path, when requested, then 404', async () => {
    expect((await fetch(server.url.replace('/graphql', '/nope'))).status).toBe(404);
  });
});
