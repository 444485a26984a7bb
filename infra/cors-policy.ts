/**
 * The HTTP API's CORS policy, in one place: infra/constructs/http-api.ts configures API Gateway
 * with it, and the local server (functions/local/cors.ts) answers preflights with the same
 * methods, headers and max age. Only the origins differ: per district (the district file's
 * `allowedOrigins`) when deployed, `CORS_ORIGINS` or loopback locally.
 */
export const corsPolicy = {
  allowMethods: ['POST', 'GET', 'OPTIONS'],
  /**
   * What browser clients send beyond the CORS-safelisted headers: JSON bodies, the Cognito token,
   * Apollo's CSRF-prevention header (GET operations need it) and the headers Apollo Client and
   * Apollo Kotlin/iOS add (client name and version, operation name), and accept-language for
   * localized messages (safelisted only for simple values).
   */
  allowHeaders: [
    'content-type',
    'authorization',
    'apollo-require-preflight',
    'apollographql-client-name',
    'apollographql-client-version',
    'x-apollo-operation-name',
    'accept-language',
  ],
  /** How long a browser may reuse a preflight's answer. */
  maxAgeSeconds: 3600,
} as const;
