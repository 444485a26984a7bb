import type {
  APIGatewayEventRequestContextJWTAuthorizer,
  APIGatewayEventRequestContextV2,
  APIGatewayProxyEventV2WithRequestContext,
} from 'aws-lambda';

/** An HTTP API (payload 2.0) event, with the JWT authorizer's part present only on authorized routes. */
export type HttpApiEvent = APIGatewayProxyEventV2WithRequestContext<
  APIGatewayEventRequestContextV2 & { authorizer?: APIGatewayEventRequestContextJWTAuthorizer }
>;

/** What the adapter knows of an incoming request, as plain data so the mapping is testable. */
export interface IncomingRequestData {
  method: string;
  /** Request target as sent: path and query string. */
  url: string;
  /** e.g. `1.1` */
  httpVersion: string;
  /** Node's `rawHeaders`: names and values alternating, duplicates kept, case as sent. */
  rawHeaders: string[];
  remoteAddress: string | undefined;
  body: string;
}

export interface EventOptions {
  routeKey: string;
  requestId: string;
  now: Date;
  /** Verified token claims; absent on routes without the authorizer or when no token was sent. */
  claims?: Record<string, unknown>;
}

/**
 * Builds the event API Gateway's HTTP API sends a Lambda proxy integration (payload 2.0):
 * header names lower-cased and repeated headers joined by commas, the Cookie header moved to
 * `cookies`, query parameters decoded and repeated ones joined by commas, an empty body left
 * out, and the authorizer's claims flattened to strings as API Gateway does.
 */
export function buildHttpApiEvent(request: IncomingRequestData, options: EventOptions): HttpApiEvent {
  const target = new URL(request.url, 'http://placeholder');
  const headers = joinHeaders(request.rawHeaders);
  const cookies = headers.cookie?.split(/;\s*/).filter(Boolean);
  delete headers.cookie;
  const queryStringParameters = joinQuery(target.searchParams);
  const rawQueryString = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  const domainName = (headers.host ?? 'localhost').replace(/:\d+$/, '');
  const requestContext: HttpApiEvent['requestContext'] = {
    accountId: 'local',
    apiId: 'local',
    domainName,
    domainPrefix: domainName.split('.')[0] ?? domainName,
    http: {
      method: request.method,
      path: target.pathname,
      protocol: `HTTP/${request.httpVersion}`,
      sourceIp: (request.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, ''),
      userAgent: headers['user-agent'] ?? '',
    },
    requestId: options.requestId,
    routeKey: options.routeKey,
    stage: '$default',
    time: formatRequestTime(options.now),
    timeEpoch: options.now.getTime(),
    ...(options.claims
      ? { authorizer: { principalId: '', integrationLatency: 0, jwt: { claims: flattenClaims(options.claims), scopes: null } } }
      : {}),
  };
  return {
    version: '2.0',
    routeKey: options.routeKey,
    rawPath: target.pathname,
    rawQueryString,
    ...(cookies?.length ? { cookies } : {}),
    headers,
    ...(Object.keys(queryStringParameters).length ? { queryStringParameters } : {}),
    requestContext,
    ...(request.body ? { body: request.body } : {}),
    isBase64Encoded: false,
  };
}

/**
 * API Gateway hands a JWT authorizer's claims to the integration as strings: numbers and
 * booleans printed, arrays such as `cognito:groups` as `[a b]`, objects as JSON.
 */
export function flattenClaims(claims: Record<string, unknown>): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(claims)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) flat[name] = `[${value.map(String).join(' ')}]`;
    else if (typeof value === 'object') flat[name] = JSON.stringify(value);
    else flat[name] = String(value);
  }
  return flat;
}

function joinHeaders(rawHeaders: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]!.toLowerCase();
    const value = rawHeaders[index + 1]!;
    const separator = name === 'cookie' ? '; ' : ',';
    headers[name] = name in headers ? `${headers[name]}${separator}${value}` : value;
  }
  return headers;
}

function joinQuery(parameters: URLSearchParams): Record<string, string> {
  const joined: Record<string, string> = {};
  for (const [name, value] of parameters) joined[name] = name in joined ? `${joined[name]},${value}` : value;
  return joined;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestContext.time`, e.g. `12/Mar/2020:19:03:58 +0000`. */
function formatRequestTime(now: Date): string {
  const two = (value: number) => String(value).padStart(2, '0');
  return `${two(now.getUTCDate())}/${MONTHS[now.getUTCMonth()]}/${now.getUTCFullYear()}:${two(now.getUTCHours())}:${two(now.getUTCMinutes())}:${two(now.getUTCSeconds())} +0000`;
}
