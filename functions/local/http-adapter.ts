import { randomBytes } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { buildHttpApiEvent, type HttpApiEvent } from './api-gateway-event';
import { isPreflight, preflightHeaders, responseCorsHeaders, type AllowedOrigins } from './cors';
import { createLambdaContext } from './lambda-context';

export type HttpApiHandler = (event: HttpApiEvent, context: Context) => Promise<APIGatewayProxyResultV2>;

export interface HttpAdapterOptions {
  handler: HttpApiHandler;
  /** The public function, behind `/public/graphql`; `handler` when absent. */
  publicHandler?: HttpApiHandler;
  /** Answers the verified claims of a bearer token; throws when it is invalid or expired. */
  verifyToken(token: string): Promise<Record<string, unknown>>;
  functionName: string;
  /** Request bodies above this are refused with 413 before the handler runs. Default 1 MB. */
  maxBodyBytes?: number;
  /** Where unexpected handler failures are reported (the client gets API Gateway's bare 500). */
  logError?(message: string, error: unknown): void;
  /** The browser origins CORS allows (functions/local/cors.ts); default none, like a district with no `allowedOrigins`. */
  allowedOrigins?: AllowedOrigins;
  /**
   * Local-only pages answered before the API routes (the explorer): true when it answered. They
   * are the server's own, so they get no CORS headers.
   */
  localPages?(request: IncomingMessage, response: ServerResponse): boolean;
  /** The residents' pages' handler (functions/pages/handler.ts), behind `GET /r/{code}` and `GET /t/{code}` as deployed. */
  pagesHandler?: HttpApiHandler;
  /** Routes `ANY <prefix>{proxy+}`, each to its own function (Open311 without the authorizer, the exports behind it). */
  proxyRoutes?: ProxyRoute[];
}

export interface ProxyRoute {
  /** e.g. `/open311/v2/` */
  prefix: string;
  handler: HttpApiHandler;
  functionName: string;
  /** Behind the JWT authorizer, as `/graphql` is (the exports); default without it (Open311). */
  authorized?: boolean;
  /** The methods its deployed routes have; default GET and POST. */
  methods?: string[];
}

/** The public pages' routes (infra/constructs/http-api.ts): one path segment after `/r/` or `/t/`. */
const PAGE_ROUTE = /^\/([rt])\/[^/]+$/;

const NO_ORIGINS: AllowedOrigins = { allows: () => false, description: 'none' };

/**
 * The deployed HTTP API's routes (infra/constructs/http-api.ts): GET and POST on `/graphql`
 * behind the JWT authorizer and on `/public/graphql` without one, and the proxy routes given
 * (GET and POST, without it). Anything else is API Gateway's 404.
 */
const ROUTES: Record<string, { authorized: boolean; public?: true }> = {
  '/graphql': { authorized: true },
  '/public/graphql': { authorized: false, public: true },
};
const METHODS = ['GET', 'POST'];

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * Plays API Gateway's part in front of the Lambda handler: CORS (preflights answered on any path
 * before anything else; every other answer, the gateway's own errors included, carries
 * Access-Control-Allow-Origin for an allowed origin, and the handler's own CORS headers are
 * ignored, as API Gateway ignores an integration's), routes, the JWT authorizer (a bad token is
 * 401 and never reaches the handler; no token goes through without claims, so the handler itself
 * answers UNAUTHENTICATED), the body limit, and turning the handler's result into an HTTP response.
 */
export function createHttpAdapter(options: HttpAdapterOptions): RequestListener {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return (request, response) => {
    handle(request, response, options, maxBodyBytes).catch((error: unknown) => {
      options.logError?.('local adapter failed', error);
      if (!response.headersSent) sendMessage(response, 500, 'Internal Server Error');
      else response.destroy();
    });
  };
}

async function handle(request: IncomingMessage, response: ServerResponse, options: HttpAdapterOptions, maxBodyBytes: number): Promise<void> {
  const url = request.url ?? '/';
  const path = url.split('?')[0]!;
  const method = request.method ?? 'GET';
  const allowedOrigins = options.allowedOrigins ?? NO_ORIGINS;
  if (isPreflight(method, request.headers)) return send(response, 204, preflightHeaders(request.headers.origin!, allowedOrigins), Buffer.alloc(0));
  if (options.localPages?.(request, response)) return;
  for (const [name, value] of Object.entries(responseCorsHeaders(request.headers.origin, allowedOrigins))) response.setHeader(name, value);
  const proxy = options.proxyRoutes?.find((candidate) => path.startsWith(candidate.prefix));
  const pageRoute = !proxy && options.pagesHandler && method === 'GET' ? PAGE_ROUTE.exec(path) : null;
  const route = proxy ? { authorized: proxy.authorized ?? false } : pageRoute ? { authorized: false } : ROUTES[path];
  if (!route || !(proxy?.methods ?? METHODS).includes(method)) return sendMessage(response, 404, 'Not Found');
  if (Number(request.headers['content-length'] ?? 0) > maxBodyBytes) return refuseTooLarge(request, response);
  const body = await readBody(request, maxBodyBytes);
  if (body === undefined) return refuseTooLarge(request, response);

  let claims: Record<string, unknown> | undefined;
  if (route.authorized && request.headers.authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization)?.[1];
    try {
      if (!token) throw new Error('not a bearer token');
      claims = await options.verifyToken(token);
    } catch {
      return sendMessage(response, 401, 'Unauthorized', { 'www-authenticate': 'Bearer error="invalid_token"' });
    }
  }

  const now = new Date();
  const event = buildHttpApiEvent(
    { method, url, httpVersion: request.httpVersion, rawHeaders: request.rawHeaders, remoteAddress: request.socket.remoteAddress, body },
    { routeKey: proxy ? `${method} ${proxy.prefix}{proxy+}` : pageRoute ? `GET /${pageRoute[1]}/{code}` : `${method} ${path}`, requestId: randomBytes(12).toString('base64'), now, ...(claims ? { claims } : {}) },
  );
  let result: APIGatewayProxyResultV2;
  try {
    const handler = proxy?.handler ?? (pageRoute ? options.pagesHandler! : (route.public && options.publicHandler) || options.handler);
    result = await handler(event, createLambdaContext(proxy?.functionName ?? options.functionName, now.getTime()));
  } catch (error) {
    options.logError?.(`handler threw on ${event.routeKey}`, error);
    return sendMessage(response, 500, 'Internal Server Error');
  }
  writeResult(response, result);
}

/**
 * Writes the handler's result as API Gateway does for payload 2.0: a result without
 * `statusCode` is itself a 200 JSON body; `cookies` become `set-cookie` headers.
 */
function writeResult(response: ServerResponse, result: APIGatewayProxyResultV2): void {
  if (typeof result !== 'object' || result === null || !('statusCode' in result)) {
    const body = typeof result === 'string' ? result : JSON.stringify(result);
    return send(response, 200, { 'content-type': 'application/json' }, Buffer.from(body));
  }
  // API Gateway with CORS configured ignores the integration's CORS headers.
  const headers = Object.fromEntries(Object.entries(result.headers ?? {}).filter(([name]) => !/^access-control-/i.test(name)));
  const withCookies: Record<string, string | number | boolean | string[]> = result.cookies?.length ? { ...headers, 'set-cookie': result.cookies } : headers;
  const body = result.body === undefined ? Buffer.alloc(0) : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  send(response, result.statusCode ?? 200, withCookies, body);
}

/** Writes a response over the CORS headers already set: a `vary` in `headers` is added to theirs. */
function send(response: ServerResponse, status: number, headers: Record<string, string | number | boolean | string[]>, body: Buffer): void {
  for (const [name, value] of Object.entries(headers)) {
    const lowerName = name.toLowerCase();
    if (lowerName === 'content-length') continue;
    if (lowerName === 'vary') response.setHeader('vary', mergeVary(response.getHeader('vary'), String(value)));
    else response.setHeader(name, Array.isArray(value) ? value : String(value));
  }
  response.setHeader('content-length', body.length);
  response.writeHead(status);
  response.end(body);
}

/** `vary` field names, each once, case-insensitively. */
function mergeVary(existing: number | string | string[] | undefined, added: string): string {
  const unique = new Map<string, string>();
  for (const name of `${String(existing ?? '')},${added}`.split(',')) {
    const trimmed = name.trim();
    if (trimmed && !unique.has(trimmed.toLowerCase())) unique.set(trimmed.toLowerCase(), trimmed);
  }
  return [...unique.values()].join(', ');
}

/** API Gateway's own error answers: a JSON `message`. */
function sendMessage(response: ServerResponse, status: number, message: string, headers: Record<string, string> = {}): void {
  send(response, status, { 'content-type': 'application/json', ...headers }, Buffer.from(JSON.stringify({ message })));
}

function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  request.resume();
  response.setHeader('connection', 'close');
  sendMessage(response, 413, 'Request Entity Too Large');
}

/**
 * The body as UTF-8 text, or undefined once it grows past the limit. Reads by events rather
 * than async iteration: leaving an iteration early destroys the socket, and the 413 must still
 * be written; the rest of an oversized body is drained and dropped.
 */
function readBody(request: IncomingMessage, maxBytes: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      request.off('data', onData);
      request.resume();
      resolve(undefined);
    };
    request.on('data', onData);
    request.once('end', () => resolve(size > maxBytes ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.once('error', reject);
  });
}
