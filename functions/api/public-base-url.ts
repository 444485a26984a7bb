/**
 * The base URL the request reached this deployment at (`https://<host>`), where its public
 * pages live: API Gateway's `Host` header (a custom domain's, or the execute-api one), and
 * `x-forwarded-proto`. Loopback hosts are the local server, which speaks plain http.
 */
export function publicBaseUrlOf(headers: Record<string, string | undefined> | undefined, domainName: string): string {
  const host = headers?.host ?? domainName;
  const loopback = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host);
  const protocol = loopback ? 'http' : (headers?.['x-forwarded-proto']?.split(',')[0]?.trim() ?? 'https');
  return `${protocol}://${host}`;
}
