import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LOCAL_AUDIENCE, signLocalToken } from '../../functions/local/local-auth';
import { startLocalServer, type LocalServer } from '../../functions/local/local-server';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { startTestOidcProvider, type TestOidcProvider } from '../support/oidc-provider';
import { errorCodes, postGraphql } from './support/graphql-client';

jest.setTimeout(600_000);

const DISTRICT_QUERY = '{ district { id } }';
const AUDIENCE = 'cgj-staff-app';
const MAPPING = {
  claims: { district: 'org', roles: 'groups', officerId: 'employee_no' },
  roleValues: { ADMIN: '城管局管理员', OFFICER: 'cgj-officers' },
};

/**
 * A district whose staff sign in through their own OIDC provider (a second issuer, on its own
 * port, with other claim names and group values), configured only through its district file:
 * the local server trusts it through its discovery document and JWKS, and the handler reads its
 * tokens through the file's mapping, as the district's stack does.
 */
describe('a district with its own OIDC provider', () => {
  let dataDir: string;
  let provider: TestOidcProvider;
  let server: LocalServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'oidc-identity-'));
    provider = await startTestOidcProvider();
    const districtFile = join(dataDir, 'oidc-town.json');
    await writeFile(
      districtFile,
      JSON.stringify({
        id: 'oidc-town',
        name: '身份镇',
        timezone: 'Asia/Shanghai',
        identity: { kind: 'oidc', issuer: provider.issuer, audience: AUDIENCE, ...MAPPING },
      }),
    );
    server = await startLocalServer({ port: 0, dataDir, district: 'oidc-town', districtFile, buildDir: join(dataDir, 'build') });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test("given a token of the district's provider with its admin group, when the district is read, then the caller is an admin of it", async () => {
    const token = await provider.sign({ sub: 'keycloak-1', org: 'oidc-town', groups: ['城管局管理员'] }, AUDIENCE);

    const answer = await postGraphql(server.url, DISTRICT_QUERY, { token });

    expect(answer.body).toEqual({ data: { district: { id: 'oidc-town' } } });
  });

  test('given a token of the provider whose groups the mapping does not name, when the district is read, then the caller is anonymous', async () => {
    const token = await provider.sign({ sub: 'keycloak-2', org: 'oidc-town', groups: ['ADMIN'] }, AUDIENCE);

    expect(errorCodes(await postGraphql(server.url, DISTRICT_QUERY, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  test("given a token of the provider for another client, when anything is asked, then 401 before the handler", async () => {
    const token = await provider.sign({ sub: 'keycloak-3', org: 'oidc-town', groups: ['城管局管理员'] }, 'another-app');

    expect(await postGraphql(server.url, DISTRICT_QUERY, { token })).toEqual({ status: 401, body: { message: 'Unauthorized' } });
  });

  test('given a local token shaped by the mapping, when the district is read, then the local issuer answers through the same path', async () => {
    const token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'oidc-town' }, new Date(), MAPPING);

    expect((await postGraphql(server.url, DISTRICT_QUERY, { token })).body).toEqual({ data: { district: { id: 'oidc-town' } } });
  });

  test("given a local token with Cognito's claim names, when the district is read, then the mapping finds no caller", async () => {
    const token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'oidc-town' });

    expect(errorCodes(await postGraphql(server.url, DISTRICT_QUERY, { token }))).toEqual(['UNAUTHENTICATED']);
  });

  test('given the server, when its discovery document is read, then it names the local issuer and the audience tokens carry', async () => {
    const discovery = await (await fetch(server.url.replace('/graphql', '/.well-known/openid-configuration'))).json();

    expect(discovery).toMatchObject({ issuer: 'http://localhost:4000', id_token_signing_alg_values_supported: ['RS256'] });
    expect(LOCAL_AUDIENCE).toBe('community-city-services');
  });
});
