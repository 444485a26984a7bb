import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import type { HttpApiEvent } from '../../../functions/local/api-gateway-event';
import { parseCorsOrigins } from '../../../functions/local/cors';
import { createHttpAdapter } from '../../../functions/local/http-adapter';
import { corsPolicy } from '../../../infra/cors-policy';
import { listenOnLoopback, type LoopbackServer } from './loopback-server';

/** The one origin CORS allows in these tests. */
const APP_ORIGIN = 'http://127.0.0.1:5173';
const OTHER_ORIGIN = 'http://127.0.0.1:5174';

/** The adapter in front of a recording stub handler, on a loopback port: no DynamoDB, no bundle. */
describe('createHttpAdapter', () => {
  let server: LoopbackServer;
  let base: string;
  let events: HttpApiEvent[];
  let answer: () => Promise<APIGatewayProxyResultV2>;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await listenOnLoopback(
      createHttpAdapter({
        handler: async (event) => {
          events.push(event);
          return answer();
        },
        verifyToken: async (token) => {
          if (token !== 'good') throw new Error('bad token');
          return { sub: 'u1', 'cognito:groups': ['ADMIN'], 'custom:district': 'dingnan' };
        },
        functionName: 'test',
        proxyRoutes: [
          {
            prefix: '/exports/',
            authorized: true,
            methods: ['GET'],
            functionName: 'exports',
            handler: async (event) => {
              events.push(event);
              return answer();
            },
          },
        ],
        maxBodyBytes: 1000,
        logError: (message) => errors.push(message),
        allowedOrigins: parseCorsOrigins(APP_ORIGIN),
        localPages: (request, response) => {
          if (request.url !== '/local-page') return false;
          response.writeHead(200, { 'content-type': 'text/html' }).end('<p>local</p>');
          return true;
        },
      }),
    );
    base = server.base;
  });
  afterAll(() => server.close());
  beforeEach(() => {
    events = [];
    answer = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json' }, body: '{"data":{}}' });
  });

  const post = (path: string, headers: Record<string, string> = {}, body = '{}') =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  test('given a valid bearer token on /graphql, when posted, then the handler gets the claims flattened under the JWT authorizer', async () => {
    const response = await post('/graphql', { authorization: 'Bearer good' });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: {} });
    expect(events[0]!.requestContext.authorizer?.jwt.claims).toEqual({ sub: 'u1', 'cognito:groups': '[ADMIN]', 'custom:district': 'dingnan' });
    expect(events[0]!.routeKey).toBe('POST /graphql');
  });

  test('given no Authorization header on /graphql, when posted, then the handler runs without an authorizer', async () => {
    expect((await post('/graphql')).status).toBe(200);
    expect(events[0]!.requestContext).not.toHaveProperty('authorizer');
  });

  test.each([['Bearer bad'], ['Basic Z29vZA=='], ['Bearer']])(
    'given Authorization "%s" on /graphql, when posted, then API Gateway\'s 401 answers and the handler never runs',
    async (authorization) => {
      const response = await post('/graphql', { authorization });

      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({ message: 'Unauthorized' });
      expect(events).toHaveLength(0);
    },
  );

  test('given a valid token on /public/graphql, when posted, then no claims reach the handler', async () => {
    expect((await post('/public/graphql', { authorization: 'Bearer good' })).status).toBe(200);
    expect(events[0]!.requestContext).not.toHaveProperty('authorizer');
    expect(events[0]!.routeKey).toBe('POST /public/graphql');
  });

  test.each([
    ['POST', '/other'],
    ['PUT', '/graphql'],
    ['DELETE', '/public/graphql'],
  ])('given %s %s, when requested, then 404 like an unmatched API Gateway route', async (method, path) => {
    const response = await fetch(`${base}${path}`, { method });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
    expect(events).toHaveLength(0);
  });

  test('given a GET with a query string and an Accept header, when sent, then the handler gets them as API Gateway does and its 400 goes out unchanged', async () => {
    answer = async () => ({ statusCode: 400, headers: { 'content-type': 'application/graphql-response+json; charset=utf-8' }, body: '{"errors":[]}' });

    const response = await fetch(`${base}/public/graphql?query=%7B%20__typename%20%7D&operationName=Q`, {
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': '1' },
    });

    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/graphql-response+json; charset=utf-8');
    expect(await response.json()).toEqual({ errors: [] });
    expect(events[0]).toMatchObject({
      routeKey: 'GET /public/graphql',
      rawQueryString: 'query=%7B%20__typename%20%7D&operationName=Q',
      queryStringParameters: { query: '{ __typename }', operationName: 'Q' },
      headers: { accept: 'application/graphql-response+json', 'apollo-require-preflight': '1' },
      requestContext: { http: { method: 'GET' } },
    });
    expect(events[0]).not.toHaveProperty('body');
  });

  test('given a body over the limit, when posted, then 413 and the handler never runs', async () => {
    const response = await post('/graphql', {}, 'x'.repeat(1001));

    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ message: 'Request Entity Too Large' });
    expect(events).toHaveLength(0);
  });

  test('given a chunked body that grows over the limit, when streamed, then 413 and the handler never runs', async () => {
    const chunks = [new TextEncoder().encode('x'.repeat(600)), new TextEncoder().encode('y'.repeat(600))];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });

    const response = await fetch(`${base}/graphql`, { method: 'POST', body, duplex: 'half' } as RequestInit);

    expect(response.status).toBe(413);
    expect(events).toHaveLength(0);
  });

  test('given a handler result with cookies and a base64 body, when written, then status, headers, set-cookie and decoded body go out', async () => {
    answer = async () => ({
      statusCode: 201,
      headers: { 'x-answer': 'yes' },
      cookies: ['a=1; Path=/', 'b=2'],
      body: Buffer.from('hello').toString('base64'),
      isBase64Encoded: true,
    });

    const response = await post('/graphql');

    expect(response.status).toBe(201);
    expect(response.headers.get('x-answer')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2']);
    expect(await response.text()).toBe('hello');
  });

  test('given a handler that throws, when posted, then API Gateway\'s bare 500 answers and the error is logged', async () => {
    answer = async () => {
      throw new Error('boom');
    };

    const response = await post('/graphql');

    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ message: 'Internal Server Error' });
    expect(errors).toContain('handler threw on POST /graphql');
  });

  const preflight = (path: string, origin: string, requestMethod = 'POST') =>
    fetch(`${base}${path}`, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': requestMethod, 'access-control-request-headers': 'authorization,content-type' },
    });

  test('given an allowed origin, when its preflight reaches /graphql, then 204 with the shared methods, headers and max age, before the authorizer and the handler', async () => {
    const response = await preflight('/graphql', APP_ORIGIN);

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('access-control-allow-methods')).toBe(corsPolicy.allowMethods.join(','));
    expect(response.headers.get('access-control-allow-headers')).toBe(corsPolicy.allowHeaders.join(','));
    expect(response.headers.get('access-control-max-age')).toBe(String(corsPolicy.maxAgeSeconds));
    expect(response.headers.get('vary')).toBe('origin');
    expect(await response.text()).toBe('');
    expect(events).toHaveLength(0);
  });

  test('given an origin that is not allowed, when its preflight arrives, then 204 without any Access-Control header, so the browser refuses', async () => {
    const response = await preflight('/graphql', OTHER_ORIGIN);

    expect(response.status).toBe(204);
    const names: string[] = [];
    response.headers.forEach((_value, name) => names.push(name));
    expect(names.filter((name) => name.startsWith('access-control-'))).toEqual([]);
    expect(events).toHaveLength(0);
  });

  test('given an allowed origin, when its preflight names a path without a route, then it is answered all the same, as API Gateway does', async () => {
    const response = await preflight('/other', APP_ORIGIN, 'GET');

    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  test('given an OPTIONS request that is no preflight (no Access-Control-Request-Method), when sent, then 404 like any unmatched route', async () => {
    const response = await fetch(`${base}/graphql`, { method: 'OPTIONS', headers: { origin: APP_ORIGIN } });

    expect(response.status).toBe(404);
  });

  test('given an allowed origin and a handler sending its own CORS headers, when posted, then the answer carries the origin and Vary instead of the handler\'s', async () => {
    answer = async () => ({ statusCode: 200, headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', vary: 'Accept' }, body: '{"data":{}}' });

    const response = await post('/graphql', { origin: APP_ORIGIN, authorization: 'Bearer good' });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(response.headers.get('vary')).toBe('origin, Accept');
    expect(await response.json()).toEqual({ data: {} });
  });

  test('given an allowed origin and a bad token, when posted, then the authorizer\'s 401 carries the origin too, so the page can read it', async () => {
    const response = await post('/graphql', { origin: APP_ORIGIN, authorization: 'Bearer bad' });

    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
  });

  test('given an origin that is not allowed, when posted, then the handler answers (CORS binds browsers, not servers) without Access-Control-Allow-Origin', async () => {
    answer = async () => ({ statusCode: 200, headers: { 'access-control-allow-origin': '*' }, body: '{}' });

    const response = await post('/public/graphql', { origin: OTHER_ORIGIN });

    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('vary')).toBe('origin');
    expect(events).toHaveLength(1);
  });

  test('given a local page, when it is requested, then it answers before the routes and without CORS headers', async () => {
    const response = await fetch(`${base}/local-page`, { headers: { origin: APP_ORIGIN } });

    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<p>local</p>');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(events).toHaveLength(0);
  });

  test('given an authorized proxy route and a valid token, when its GET arrives, then its function gets the claims as /graphql\'s handler does', async () => {
    const response = await fetch(`${base}/exports/compliance?week=2026-W47`, { headers: { authorization: 'Bearer good' } });

    expect(response.status).toBe(200);
    expect(events[0]!.requestContext.authorizer?.jwt.claims).toEqual({ sub: 'u1', 'cognito:groups': '[ADMIN]', 'custom:district': 'dingnan' });
    expect(events[0]!.rawPath).toBe('/exports/compliance');
  });

  test('given an authorized proxy route, when a bad token or a method it has no route for arrives, then 401 or 404 and its function never runs', async () => {
    const badToken = await fetch(`${base}/exports/compliance`, { headers: { authorization: 'Bearer bad' } });
    const posted = await post('/exports/compliance', { authorization: 'Bearer good' });

    expect(badToken.status).toBe(401);
    expect(posted.status).toBe(404);
    expect(events).toHaveLength(0);
  });
});
