import { originProblem } from '../domain/district-file';
import { corsPolicy } from '../../infra/cors-policy';

/** The browser origins the local server answers CORS requests from. */
export interface AllowedOrigins {
  allows(origin: string): boolean;
  /** For the start-up log line. */
  description: string;
  /** The same origins as S3 CORS `AllowedOrigin` entries (at most one `*` each), for the local photo bucket. */
  s3Patterns?: readonly string[];
}

const LOOPBACK_ORIGIN = /^http:\/\/(localhost|127\.0\.0\.1)(:[0-9]{1,5})?$/;

/** Without `CORS_ORIGINS`: any port of `http://localhost` and `http://127.0.0.1`, where dev servers run. */
export const loopbackOrigins: AllowedOrigins = {
  allows: (origin) => LOOPBACK_ORIGIN.test(origin),
  description: 'http://localhost:<any port>, http://127.0.0.1:<any port>',
  s3Patterns: ['http://localhost', 'http://localhost:*', 'http://127.0.0.1', 'http://127.0.0.1:*'],
};

/**
 * `CORS_ORIGINS`: comma-separated exact origins, checked as the district file's `allowedOrigins`
 * are (no `*`, no path). Unset or blank means the loopback default. Throws naming each bad entry.
 */
export function parseCorsOrigins(value: string | undefined): AllowedOrigins {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  if (origins.length === 0) return loopbackOrigins;
  const problems = origins.flatMap((origin) => {
    const problem = originProblem(origin);
    return problem ? [`"${origin}" ${problem}`] : [];
  });
  if (problems.length > 0) throw new Error(`CORS_ORIGINS: ${problems.join('; ')}`);
  const allowed = new Set(origins);
  return { allows: (origin) => allowed.has(origin), description: [...allowed].join(', '), s3Patterns: [...allowed] };
}

/** True for a CORS preflight: OPTIONS with `Origin` and `Access-Control-Request-Method` (what API Gateway answers itself). */
export function isPreflight(method: string, headers: Record<string, string | string[] | undefined>): boolean {
  return method === 'OPTIONS' && typeof headers.origin === 'string' && headers['access-control-request-method'] !== undefined;
}

/**
 * A preflight's headers, as API Gateway's `corsPreflight` answers (with a 204, on any path, before
 * the authorizer): the shared methods, headers and max age for an allowed origin; for any other
 * origin none, so the browser refuses the request.
 */
export function preflightHeaders(origin: string, allowed: AllowedOrigins): Record<string, string> {
  if (!allowed.allows(origin)) return { vary: 'origin' };
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': corsPolicy.allowMethods.join(','),
    'access-control-allow-headers': corsPolicy.allowHeaders.join(','),
    'access-control-max-age': String(corsPolicy.maxAgeSeconds),
    vary: 'origin',
  };
}

/** What API Gateway adds to every answer of a cross-origin request: the origin when it is allowed. */
export function responseCorsHeaders(origin: string | undefined, allowed: AllowedOrigins): Record<string, string> {
  return origin !== undefined && allowed.allows(origin) ? { 'access-control-allow-origin': origin, vary: 'origin' } : { vary: 'origin' };
}
