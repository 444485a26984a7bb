import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { HttpRequestError, readGraphqlRequest, responseContentType } from '../../../functions/api/graphql-http';

const event = (method: string, options: { headers?: Record<string, string>; body?: string; query?: string } = {}) =>
  ({ headers: options.headers ?? {}, body: options.body, rawQueryString: options.query ?? '', isBase64Encoded: false, requestContext: { http: { method } } }) as unknown as APIGatewayProxyEventV2;

const refusalOf = (request: APIGatewayProxyEventV2): HttpRequestError => {
  try {
    readGraphqlRequest(request);
  } catch (error) {
    if (error instanceof HttpRequestError) return error;
    throw error;
  }
  throw new Error('the request was not refused');
};

describe('readGraphqlRequest', () => {
  test('given a JSON POST, when read, then its query, operation name, variables and extensions are the request', () => {
    const body = JSON.stringify({ query: '{ a }', operationName: 'A', variables: { x: 1 }, extensions: { e: true } });
    expect(readGraphqlRequest(event('POST', { headers: { 'content-type': 'application/json' }, body }))).toEqual({ method: 'POST', query: '{ a }', operationName: 'A', variables: { x: 1 }, extensions: { e: true } });
  });

  test('given a GET with a preflight header, when read, then its search parameters are the request, variables parsed', () => {
    const query = new URLSearchParams({ query: '{ a }', variables: '{"x":1}' }).toString();
    expect(readGraphqlRequest(event('GET', { headers: { 'apollo-require-preflight': 'true' }, query }))).toEqual({ method: 'GET', query: '{ a }', variables: { x: 1 } });
  });

  test('given a GET with neither a JSON content type nor a preflight header, when read, then it is refused as a possible CSRF with a 400', () => {
    const refused = refusalOf(event('GET', { query: 'query=%7B%20a%20%7D' }));
    expect({ status: refused.status, message: refused.message }).toEqual({ status: 400, message: expect.stringContaining('Cross-Site Request Forgery') });
  });

  test('given a POST whose body is not JSON, when read, then it is a plain-text 400', () => {
    expect(refusalOf(event('POST', { headers: { 'content-type': 'application/json' }, body: '{' }))).toMatchObject({ status: 400, plain: true });
  });

  test('given a PUT, when read, then it is a 405 that allows GET and POST', () => {
    expect(refusalOf(event('PUT'))).toMatchObject({ status: 405, headers: { allow: 'GET, POST' } });
  });

  test('given a POST with variables that are not an object, when read, then it is a 400 naming them', () => {
    const refused = refusalOf(event('POST', { headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ a }', variables: [1] }) }));
    expect({ status: refused.status, message: refused.message }).toEqual({ status: 400, message: '`variables` in a POST body must be an object if provided.' });
  });
});

describe('responseContentType', () => {
  test.each([
    [undefined, 'application/json'],
    ['application/graphql-response+json', 'application/graphql-response+json'],
    ['application/graphql-response+json, application/json;q=0.9', 'application/graphql-response+json'],
    ['application/json, application/graphql-response+json', 'application/json'],
    ['*/*', 'application/json'],
    ['text/html', null],
  ])('given Accept %p, when negotiated, then the answer is %p', (accept, expected) => {
    expect(responseContentType(accept)).toBe(expected);
  });
});
