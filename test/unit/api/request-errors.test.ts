import { createHash } from 'node:crypto';
import { graphqlEvent, lambdaContext } from '../../support/graphql-handler';
import { mockedHandlerWithLogs } from './mocked-handler';

/**
 * Requests the client got wrong, through the real handler with DynamoDB mocked: each is a 4xx
 * with a code the client can act on, never INTERNAL_SERVER_ERROR, and never an ERROR log line.
 */
const { dynamo, logged, handler } = mockedHandlerWithLogs();

interface Answer {
  status: number;
  contentType: string | undefined;
  body: { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
}

async function post(body: unknown, accept = 'application/json'): Promise<Answer> {
  const event = graphqlEvent(body);
  event.headers = { ...event.headers, accept };
  const result = await handler(event, lambdaContext());
  return { status: result.statusCode ?? 200, contentType: result.headers?.['content-type'] as string | undefined, body: JSON.parse(result.body ?? '{}') };
}

const codes = (answer: Answer) => (answer.body.errors ?? []).map((error) => error.extensions.code);
const errorLines = () => logged.filter((line) => /"level":\s*"ERROR"|Unexpected error/.test(line));
/** A document of exactly `count` tokens that parses and then fails validation (an unknown argument). */
const ofTokens = (count: number) => `{ __typename(list: [${' 0'.repeat(count - 9)} ]) }`;

describe('given a document that does not parse', () => {
  test('given a syntax error, when posted, then 400 GRAPHQL_PARSE_FAILED and no error is logged', async () => {
    const answer = await post({ query: '{ district { id ' });

    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(answer.body.data).toBeUndefined();
    expect(errorLines()).toEqual([]);
  });

  test('given a syntax error and Accept application/graphql-response+json, when posted, then 400 in that media type', async () => {
    const answer = await post({ query: '{' }, 'application/graphql-response+json');

    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });

  test('given a document over the token limit, when posted, then 400 GRAPHQL_PARSE_FAILED that does not name the limit, nothing logged, store untouched', async () => {
    const answer = await post({ query: `{ district { ${'id '.repeat(2100)} } }` });

    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_PARSE_FAILED']);
    expect(JSON.stringify(answer.body)).not.toMatch(/2000|2 000/);
    expect(errorLines()).toEqual([]);
    expect(dynamo.calls()).toHaveLength(0);
  });

  test('given a document of exactly 2 000 tokens, when posted, then it is parsed; given 2 001, then GRAPHQL_PARSE_FAILED', async () => {
    const atLimit = await post({ query: ofTokens(2000) });
    const overLimit = await post({ query: ofTokens(2001) });

    expect(codes(atLimit)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(atLimit.body.errors![0]!.message).toMatch(/Unknown argument/);
    expect(codes(overLimit)).toEqual(['GRAPHQL_PARSE_FAILED']);
  });
});

describe('given an operation this API does not serve', () => {
  test('given a subscription operation, when posted, then 400 GRAPHQL_VALIDATION_FAILED and no error is logged', async () => {
    const answer = await post({ query: 'subscription Watch { __typename }' });

    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.body.errors![0]!.message).toMatch(/subscription/i);
    expect(errorLines()).toEqual([]);
  });
});

describe('given an automatic persisted query the server cannot use', () => {
  test.each([
    ['an unknown version and a malformed hash', { extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }],
    ['an unknown version, a malformed hash and the query', { query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } }],
    ['a persistedQuery that is not an object', { query: '{ __typename }', extensions: { persistedQuery: 'x' } }],
    ['a hash that does not match the query', { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'x' } } }],
  ])('given %s, when posted, then 400 BAD_REQUEST and no error is logged', async (_label, body) => {
    const answer = await post(body);

    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(answer.body.errors![0]!.message).not.toBe('Internal server error');
    expect(errorLines()).toEqual([]);
  });

  test('given a persisted query registered with its query, when sent by its hash alone, then it runs', async () => {
    const query = '{ __typename }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };

    const registered = await post({ query, extensions: { persistedQuery } });
    const byHash = await post({ extensions: { persistedQuery } });

    expect(registered.body).toEqual({ data: { __typename: 'Query' } });
    expect(byHash.body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('given an automatic persisted query the server can use', () => {
  test('given a query registered with its hash, when the hash alone is sent, then the same data as with the query', async () => {
    // A document no other test of this file registers: the server's cache lives as long as the file's handler.
    const query = 'query RegisteredHere { __typename }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };

    const unknown = await post({ extensions });
    const registered = await post({ query, extensions });
    const hashOnly = await post({ extensions });

    expect(codes(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    expect(registered.body).toEqual({ data: { __typename: 'Query' } });
    expect(hashOnly.body).toEqual(registered.body);
  });
});
