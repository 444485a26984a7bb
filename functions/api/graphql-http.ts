import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** A GraphQL request as read from an HTTP one (GraphQL over HTTP, GET or POST). */
export interface GraphqlHttpRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  extensions?: Record<string, unknown>;
  method: 'GET' | 'POST';
}

/** A request refused before GraphQL sees it: the status, the message and any header to answer with. */
export class HttpRequestError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
    /** Answered as plain text, not as a GraphQL error: a body that is not JSON never reached GraphQL. */
    readonly plain = false,
  ) {
    super(message);
    this.name = 'HttpRequestError';
  }
}

const JSON_TYPE = 'application/json';
const GRAPHQL_RESPONSE_TYPE = 'application/graphql-response+json';
/** Content types a browser sends cross-site without a preflight: a request with one must carry a header that forces one. */
const NON_PREFLIGHTED = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

const isRecord = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);
const essenceOf = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

/**
 * Refuses what a browser could send cross-site without a preflight (a GET, or a POST of a simple
 * content type) unless it carries a preflight-forcing header: Apollo Server's CSRF prevention,
 * with its message and headers, which clients already send.
 */
function preventCsrf(headers: Record<string, string | undefined>): void {
  const contentType = headers['content-type'];
  if (contentType !== undefined && !NON_PREFLIGHTED.has(essenceOf(contentType))) return;
  if (PREFLIGHT_HEADERS.some((name) => (headers[name] ?? '').length > 0)) return;
  throw new HttpRequestError(
    `This operation has been blocked as a potential Cross-Site Request Forgery (CSRF). Please either specify a 'content-type' header (with a type that is not one of ${[...NON_PREFLIGHTED].join(', ')}) or provide a non-empty value for one of the following headers: ${PREFLIGHT_HEADERS.join(', ')}\n`,
  );
}

function searchParam(params: URLSearchParams, name: string): string | undefined {
  const values = params.getAll(name);
  if (values.length > 1) throw new HttpRequestError(`The '${name}' search parameter may only be specified once.`);
  return values[0];
}

function jsonSearchParam(params: URLSearchParams, name: string): Record<string, unknown> | undefined {
  const value = searchParam(params, name);
  if (value === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw new HttpRequestError(`The ${name} search parameter contains invalid JSON.`);
  }
  if (!isRecord(parsed)) throw new HttpRequestError(`The ${name} search parameter should contain a JSON-encoded object.`);
  return parsed;
}

function bodyOf(event: APIGatewayProxyEventV2, contentType: string | undefined): unknown {
  if (!event.body) return '';
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (contentType?.startsWith(JSON_TYPE)) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new HttpRequestError((error as Error).message, 400, {}, true);
    }
  }
  return contentType?.startsWith('text/plain') ? text : '';
}

function postRequest(body: unknown): GraphqlHttpRequest {
  if (!isRecord(body) || Object.keys(body).length === 0) throw new HttpRequestError('POST body missing, invalid Content-Type, or JSON object has no keys.');
  if (body.query !== undefined && body.query !== null && body.query !== '' && typeof body.query !== 'string') throw new HttpRequestError('GraphQL queries must be strings.');
  for (const field of ['variables', 'extensions'] as const) {
    if (typeof body[field] === 'string') throw new HttpRequestError(`\`${field}\` in a POST body should be provided as an object, not a recursively JSON-encoded string.`);
  }
  if ('extensions' in body && body.extensions !== null && !isRecord(body.extensions)) throw new HttpRequestError('`extensions` in a POST body must be an object if provided.');
  if ('variables' in body && body.variables !== null && !isRecord(body.variables)) throw new HttpRequestError('`variables` in a POST body must be an object if provided.');
  if ('operationName' in body && body.operationName !== null && typeof body.operationName !== 'string') throw new HttpRequestError('`operationName` in a POST body must be a string if provided.');
  return {
    method: 'POST',
    query: typeof body.query === 'string' ? body.query : undefined,
    operationName: typeof body.operationName === 'string' ? body.operationName : undefined,
    variables: isRecord(body.variables) ? body.variables : undefined,
    extensions: isRecord(body.extensions) ? body.extensions : undefined,
  };
}

/**
 * The GraphQL request an API Gateway (HTTP API) event carries, read as Apollo Server, which
 * served the staff API until it was measured against a framework-free floor, reads one (same
 * checks, same messages: clients written against it see no change); throws HttpRequestError for
 * what it refuses.
 */
export function readGraphqlRequest(event: APIGatewayProxyEventV2): GraphqlHttpRequest {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const method = event.requestContext.http.method;
  if (method !== 'GET' && method !== 'POST') throw new HttpRequestError('Only GET and POST requests are supported.', 405, { allow: 'GET, POST' });
  const contentType = headers['content-type'];
  const body = method === 'POST' ? bodyOf(event, contentType) : undefined;
  preventCsrf(headers);
  if (method === 'POST') return postRequest(body);
  if (contentType !== undefined && essenceOf(contentType) !== JSON_TYPE) throw new HttpRequestError('GET requests may not have a content-type header other than application/json.', 415);
  const params = new URLSearchParams(event.rawQueryString ?? '');
  return {
    method: 'GET',
    query: searchParam(params, 'query'),
    operationName: searchParam(params, 'operationName'),
    variables: jsonSearchParam(params, 'variables'),
    extensions: jsonSearchParam(params, 'extensions'),
  };
}

/** The media ranges of an Accept header with their quality, in order. */
function acceptedRanges(accept: string): { type: string; q: number; index: number }[] {
  return accept.split(',').map((part, index) => {
    const [type, ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.map((parameter) => /^q=([0-9.]+)$/.exec(parameter)?.[1]).find((value) => value !== undefined);
    return { type: type ?? '', q: q === undefined ? 1 : Number(q), index };
  });
}

/**
 * The response's content type for a client's Accept header: application/json when none is
 * given, else whichever of application/json and application/graphql-response+json it prefers
 * (the more specific range first at equal quality, then its order); null when it accepts neither.
 */
export function responseContentType(accept: string | undefined): string | null {
  if (!accept) return JSON_TYPE;
  const ranges = acceptedRanges(accept);
  const score = (type: string) => {
    const [main] = type.split('/');
    const match = ranges.find((range) => range.type === type) ?? ranges.find((range) => range.type === `${main}/*`) ?? ranges.find((range) => range.type === '*/*');
    return match && match.q > 0 ? match : undefined;
  };
  const candidates = [JSON_TYPE, GRAPHQL_RESPONSE_TYPE]
    .map((type, order) => ({ type, order, match: score(type) }))
    .filter((candidate) => candidate.match)
    .sort((a, b) => b.match!.q - a.match!.q || a.match!.index - b.match!.index || a.order - b.order);
  return candidates[0]?.type ?? null;
}
