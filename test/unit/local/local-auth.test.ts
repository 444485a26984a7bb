import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { LOCAL_AUDIENCE, LOCAL_ISSUER, signLocalToken } from '../../../functions/local/local-auth';
import { DISCOVERY_PATH, oidcProviderPages } from '../../../functions/local/oidc-provider';
import { createOidcVerifier } from '../../../functions/local/oidc-verifier';
import { SIGNING_KEY_FILE, loadOrCreateSigningKey, type LocalSigningKey } from '../../../functions/local/signing-key';
import { startTestOidcProvider, type TestOidcProvider } from '../../support/oidc-provider';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

/** The token with its payload's issuer replaced (the signature no longer matters: the issuer is looked at first). */
function forgeIssuer(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), iss: 'https://sso.elsewhere.example' };
  return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
}

describe('the local OIDC provider and its verifier', () => {
  let dataDir: string;
  let key: LocalSigningKey;
  let server: LoopbackServer;
  let other: TestOidcProvider;
  let verify: (token: string) => Promise<unknown>;

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-auth-'));
    key = await loadOrCreateSigningKey(dataDir);
    let pages: ReturnType<typeof oidcProviderPages> | undefined;
    server = await listenOnLoopback((request, response) => {
      if (!pages?.(request, response)) response.writeHead(404).end();
    });
    pages = oidcProviderPages({ issuer: LOCAL_ISSUER, origin: server.base, key });
    other = await startTestOidcProvider();
    verify = createOidcVerifier([
      { issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, discoveryUrl: `${server.base}${DISCOVERY_PATH}` },
      { issuer: other.issuer, audience: 'cgj-staff-app' },
    ]);
  });
  afterEach(async () => {
    await server.close();
    await other.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given no key file, when two processes load the key at once, then one private RSA key file is written and both sign with it', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'local-auth-twice-'));
    try {
      const [first, second] = await Promise.all([loadOrCreateSigningKey(otherDir), loadOrCreateSigningKey(otherDir)]);

      expect(first.kid).toBe(second.kid);
      expect(JSON.parse(await readFile(join(otherDir, SIGNING_KEY_FILE), 'utf8'))).toMatchObject({ kty: 'RSA', alg: 'RS256', kid: first.kid });
      expect((await stat(join(otherDir, SIGNING_KEY_FILE))).mode & 0o777).toBe(0o600);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });

  test('given the server, when its discovery document and JWKS are read, then they name the issuer and publish only the public key', async () => {
    const discovery = (await (await fetch(`${server.base}${DISCOVERY_PATH}`)).json()) as { issuer: string; jwks_uri: string };
    const jwks = (await (await fetch(discovery.jwks_uri)).json()) as { keys: Record<string, unknown>[] };

    expect(discovery).toMatchObject({ issuer: LOCAL_ISSUER, jwks_uri: `${server.base}/.well-known/jwks.json` });
    expect(jwks.keys).toEqual([{ kty: 'RSA', n: expect.any(String), e: 'AQAB', alg: 'RS256', use: 'sig', kid: key.kid }]);
  });

  test('given an officer identity, when a token is signed, then its claims mirror a Cognito ID token with a 12 h lifetime', async () => {
    const now = new Date('2026-11-20T08:00:00Z');

    const claims = decodeJwt(await signLocalToken(key, { role: 'OFFICER', district: 'dingnan', officerId: 'dn-o-01' }, now));

    expect(claims).toEqual({
      sub: 'local-dingnan-officer-dn-o-01',
      'cognito:groups': ['OFFICER'],
      'custom:district': 'dingnan',
      'custom:officerId': 'dn-o-01',
      iss: LOCAL_ISSUER,
      aud: LOCAL_AUDIENCE,
      auth_time: now.getTime() / 1000,
      iat: now.getTime() / 1000,
      exp: now.getTime() / 1000 + 12 * 3600,
    });
  });

  test('given a district mapping, when a token is signed, then it carries the provider\'s claim names and group value', async () => {
    const mapping = { claims: { district: 'org', roles: 'groups', officerId: 'employee_no' }, roleValues: { OFFICER: 'cgj-officers' } };

    const claims = decodeJwt(await signLocalToken(key, { role: 'OFFICER', district: 'dingnan', officerId: 'dn-o-01' }, new Date(), mapping));

    expect(claims).toMatchObject({ groups: ['cgj-officers'], org: 'dingnan', employee_no: 'dn-o-01' });
    await expect(signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }, new Date(), mapping)).rejects.toThrow(/no group for ADMIN/);
  });

  test('given a fresh local token, when verified through discovery and JWKS, then its claims answer', async () => {
    await expect(verify(await signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }))).resolves.toMatchObject({ sub: 'local-dingnan-admin' });
  });

  test('given a token of the second provider, when verified, then its own discovery document and keys are used', async () => {
    await expect(verify(await other.sign({ sub: 'k1', org: 'dingnan' }, 'cgj-staff-app'))).resolves.toMatchObject({ sub: 'k1', iss: other.issuer });
  });

  test.each([
    ['an expired token', () => signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }, new Date(Date.now() - 13 * 3600 * 1000)), /exp/],
    ['a token issued an hour from now', () => signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }, new Date(Date.now() + 3600 * 1000)), /iat/],
    ['a token of the second provider for another audience', () => other.sign({ sub: 'k1' }, 'someone-else'), /aud/],
    ['a token of an issuer nobody trusts', () => signLocalToken(key, { role: 'ADMIN', district: 'dingnan' }).then((token) => forgeIssuer(token)), /does not trust/],
  ])('given %s, when verified, then it is refused', async (_label, token, message) => {
    await expect(verify(await token())).rejects.toThrow(message);
  });

  test('given a token signed with another data dir key under the local issuer, when verified, then the signature is refused', async () => {
    const otherDir = await mkdtemp(join(tmpdir(), 'local-auth-other-'));
    try {
      const token = await signLocalToken(await loadOrCreateSigningKey(otherDir), { role: 'ADMIN', district: 'dingnan' });
      await expect(verify(token)).rejects.toThrow(/no applicable key found/);
    } finally {
      await rm(otherDir, { recursive: true, force: true });
    }
  });
});
