import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LocalSigningKey } from './signing-key';

export const DISCOVERY_PATH = '/.well-known/openid-configuration';
export const JWKS_PATH = '/.well-known/jwks.json';

/**
 * The pages that make the local token issuer an OIDC provider, served by the local server: the
 * discovery document (naming `issuer` and the JWKS at `origin`, the server's own address) and
 * the JWKS with the signing key's public half. Only what a JWT authorizer reads; there is no
 * authorization endpoint: `npm run token` signs tokens directly.
 */
export function oidcProviderPages(options: { issuer: string; origin: string; key: LocalSigningKey }): (request: IncomingMessage, response: ServerResponse) => boolean {
  const discovery = JSON.stringify({
    issuer: options.issuer,
    jwks_uri: `${options.origin}${JWKS_PATH}`,
    response_types_supported: ['id_token'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [options.key.publicJwk.alg],
  });
  const jwks = JSON.stringify({ keys: [options.key.publicJwk] });
  return (request, response) => {
    if (request.method !== 'GET') return false;
    const path = (request.url ?? '/').split('?')[0];
    const body = path === DISCOVERY_PATH ? discovery : path === JWKS_PATH ? jwks : undefined;
    if (body === undefined) return false;
    response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300', 'content-length': Buffer.byteLength(body) }).end(body);
    return true;
  };
}
