import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, type JWTPayload } from 'jose';
import { oidcProviderPages } from '../../functions/local/oidc-provider';
import { SIGNING_ALGORITHM, loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { listenOnLoopback } from '../unit/local/loopback-server';

export interface TestOidcProvider {
  /** `http://127.0.0.1:<port>`: issuer and discovery origin at once, as a real provider's are. */
  issuer: string;
  /** Signs `claims` with this provider's key, issuer and `audience`, valid for an hour from now. */
  sign(claims: JWTPayload, audience: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * Another OIDC provider than the local token issuer, on its own loopback port with its own RSA
 * key: stands in for a district's government identity platform or IDaaS in tests.
 */
export async function startTestOidcProvider(): Promise<TestOidcProvider> {
  const keyDir = await mkdtemp(join(tmpdir(), 'test-oidc-'));
  const key = await loadOrCreateSigningKey(keyDir);
  let pages: ReturnType<typeof oidcProviderPages> | undefined;
  const server = await listenOnLoopback((request, response) => {
    if (!pages?.(request, response)) response.writeHead(404).end();
  });
  pages = oidcProviderPages({ issuer: server.base, origin: server.base, key });
  return {
    issuer: server.base,
    sign: (claims, audience) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT(claims)
        .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
        .setIssuer(server.base)
        .setAudience(audience)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(key.privateKey);
    },
    close: async () => {
      await server.close();
      await rm(keyDir, { recursive: true, force: true });
    },
  };
}
