import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTPayload } from 'jose';

/** An issuer the local authorizer trusts, as a district's JWT authorizer does. */
export interface TrustedIssuer {
  issuer: string;
  /** The `aud` a token must carry. */
  audience: string;
  /**
   * Where its discovery document is; default `<issuer>/.well-known/openid-configuration`, as
   * API Gateway looks it up. The local provider's own server passes its real address here.
   */
  discoveryUrl?: string;
}

/** The algorithms API Gateway's JWT authorizer verifies: RSA only. */
const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
/** Clock skew allowed on `exp`, `nbf` and `iat`. */
const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * Plays API Gateway's JWT authorizer: picks the trusted issuer the token names, fetches that
 * issuer's discovery document (once; a failed fetch is retried on the next token), checks it
 * names the same issuer, and verifies the token against the keys at its `jwks_uri` (jose's remote
 * key set, which refetches on an unknown `kid`): signature, issuer, audience, expiry, `nbf`, and an
 * `iat` not in the future. Answers the verified claims; throws on anything else (the adapter
 * then answers 401 without saying why, as API Gateway does).
 */
export function createOidcVerifier(trusted: readonly TrustedIssuer[]): (token: string) => Promise<JWTPayload> {
  const keySets = new Map<string, Promise<ReturnType<typeof createRemoteJWKSet>>>();
  const keySetOf = (entry: TrustedIssuer) => {
    let keySet = keySets.get(entry.issuer);
    if (!keySet) {
      keySet = discover(entry);
      keySets.set(entry.issuer, keySet);
      keySet.catch(() => keySets.delete(entry.issuer));
    }
    return keySet;
  };
  return async (token) => {
    const issuer = decodeJwt(token).iss;
    const entry = trusted.find((candidate) => candidate.issuer === issuer);
    if (!entry) throw new Error('token of an issuer this API does not trust');
    const { payload } = await jwtVerify(token, await keySetOf(entry), {
      issuer: entry.issuer,
      audience: entry.audience,
      algorithms: ALGORITHMS,
      requiredClaims: ['exp', 'iat'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    if (payload.iat! > Date.now() / 1000 + CLOCK_TOLERANCE_SECONDS) throw new Error('"iat" claim is in the future');
    return payload;
  };
}

async function discover(entry: TrustedIssuer): Promise<ReturnType<typeof createRemoteJWKSet>> {
  const url = entry.discoveryUrl ?? `${entry.issuer}/.well-known/openid-configuration`;
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
  if (!response.ok) throw new Error(`discovery document of ${entry.issuer}: HTTP ${response.status}`);
  const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
  if (document.issuer !== entry.issuer) throw new Error(`discovery document at ${url} names issuer ${String(document.issuer)}, not ${entry.issuer}`);
  if (typeof document.jwks_uri !== 'string') throw new Error(`discovery document at ${url} has no jwks_uri`);
  return createRemoteJWKSet(new URL(document.jwks_uri));
}
