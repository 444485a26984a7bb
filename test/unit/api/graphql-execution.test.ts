import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../functions/api/context';
import { graphqlExecution } from '../../../functions/api/graphql-execution';
import type { GraphqlHttpRequest } from '../../../functions/api/graphql-http';
import { buildPublicSchema } from '../../../functions/api/public-schema';

/** Every case here is answered before a resolver runs: no context is read. */
const context = {} as RequestContext;
const run = graphqlExecution({ schema: buildPublicSchema(), production: true });
const post = (request: Partial<GraphqlHttpRequest>): GraphqlHttpRequest => ({ method: 'POST', ...request });
const codes = (answer: Awaited<ReturnType<typeof run>>) => (answer.result.errors ?? []).map((error) => error.extensions?.code);

describe('the public function without a server framework', () => {
  test('given a document that does not parse, when run, then it is a 400 GRAPHQL_PARSE_FAILED', async () => {
    const answer = await run(post({ query: '{ stationByServiceCode(' }), context);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
  });

  test('given a staff query, when run, then it is a 400 GRAPHQL_VALIDATION_FAILED whose message suggests no field', async () => {
    const answer = await run(post({ query: '{ stationz { id } }' }), context);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(answer.result.errors![0]!.message).not.toMatch(/Did you mean/);
  });

  test('given a mutation by GET, when run, then it is a 405 that allows POST', async () => {
    const answer = await run({ method: 'GET', query: 'mutation M($id: ID!) { confirmIssue(id: $id) { id } }', variables: { id: 'x' } }, context);
    expect({ status: answer.status, headers: answer.headers, codes: codes(answer) }).toEqual({ status: 405, headers: { allow: 'POST' }, codes: ['BAD_REQUEST'] });
  });

  test('given a variable of the wrong type, when run, then it is a 400 BAD_USER_INPUT', async () => {
    const answer = await run(post({ query: 'query Q($code: String!) { stationByServiceCode(code: $code) { name } }', variables: { code: 1 } }), context);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['BAD_USER_INPUT'] });
  });

  test('given an operation name the document does not have, when run, then it is a 400 OPERATION_RESOLUTION_FAILURE', async () => {
    const answer = await run(post({ query: 'query A { __typename }', operationName: 'B' }), context);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['OPERATION_RESOLUTION_FAILURE'] });
  });

  test('given a persisted query hash never sent with its query, when run, then it is PERSISTED_QUERY_NOT_FOUND, not cached', async () => {
    const answer = await run(post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }), context);
    expect({ status: answer.status, headers: answer.headers, codes: codes(answer) }).toEqual({ status: 200, headers: { 'cache-control': 'private, no-cache, must-revalidate' }, codes: ['PERSISTED_QUERY_NOT_FOUND'] });
  });

  test('given a persisted query registered with its query, when its hash alone is sent, then it runs', async () => {
    const query = '{ __typename }';
    const persistedQuery = { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') };
    await run(post({ query, extensions: { persistedQuery } }), context);
    const answer = await run(post({ extensions: { persistedQuery } }), context);
    expect({ status: answer.status, result: answer.result }).toEqual({ status: 200, result: { data: { __typename: 'Query' } } });
  });

  test('given a hash that does not match its query, when run, then it is a 400 BAD_REQUEST', async () => {
    const answer = await run(post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }), context);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 400, codes: ['BAD_REQUEST'] });
  });
});

describe('what both GraphQL functions run around an operation', () => {
  const lookup = post({ query: '{ __typename }' });

  test.each([
    [true, ['GRAPHQL_VALIDATION_FAILED']],
    [false, []],
  ])('given production %p, when the schema is introspected, then the codes are %p', async (production, expected) => {
    const answer = await graphqlExecution({ schema: buildPublicSchema(), production })(post({ query: '{ __schema { queryType { name } } }' }), context);
    expect(codes(answer)).toEqual(expected);
  });

  test('given an operation over a limit (16 aliases), when run, then it is a 400 GRAPHQL_VALIDATION_FAILED naming no limit, not a fault', async () => {
    const aliases = Array.from({ length: 16 }, (_, n) => `a${n}: stationByServiceCode(code: "x") { name }`).join(' ');
    const answer = await run(post({ query: `{ ${aliases} }` }), context);
    expect({ status: answer.status, codes: codes(answer), data: answer.result.data }).toEqual({ status: 400, codes: ['GRAPHQL_VALIDATION_FAILED'], data: undefined });
    expect(JSON.stringify(answer.result)).not.toMatch(/\b(15|16)\b/);
  });

  /** Whether each of two runs of `request` found its document in the cache. */
  async function cachedTwice(request: GraphqlHttpRequest, options: { documentCacheSize?: number } = {}): Promise<boolean[]> {
    const twice = graphqlExecution({ schema: buildPublicSchema(), production: true, ...options });
    const seen: boolean[] = [];
    await twice(request, context, (marks) => seen.push(marks.documentCached));
    await twice(request, context, (marks) => seen.push(marks.documentCached));
    return seen;
  }

  test('given an operation run twice, when the document cache is on, then the second is neither parsed nor validated again', async () => {
    expect(await cachedTwice(lookup)).toEqual([false, true]);
  });

  test('given a valid document over 20 000 characters, when it is run twice, then it is parsed both times: the cache holds short documents only', async () => {
    expect(await cachedTwice(post({ query: `# ${'x'.repeat(20_000)}\n{ __typename }` }))).toEqual([false, false]);
  });

  test('given the document cache off, when an operation is run twice, then it is parsed both times', async () => {
    expect(await cachedTwice(lookup, { documentCacheSize: 0 })).toEqual([false, false]);
  });

  test('given hooks, when a valid operation runs, then the check comes before it and the record after it', async () => {
    const calls: string[] = [];
    const hooked = graphqlExecution({
      schema: buildPublicSchema(),
      production: true,
      beforeExecute: async () => void calls.push('before'),
      afterExecute: async () => void calls.push('after'),
    });
    const answer = await hooked(lookup, context);
    expect({ calls, data: answer.result.data }).toEqual({ calls: ['before', 'after'], data: { __typename: 'Query' } });
  });

  test.each([
    ['does not parse', post({ query: '{' })],
    ['is invalid', post({ query: '{ nothing }' })],
    ['names no operation it has', post({ query: 'query A { __typename }', operationName: 'B' })],
    ['is a mutation by GET', { method: 'GET' as const, query: 'mutation M($id: ID!) { confirmIssue(id: $id) { id } }', variables: { id: 'x' } }],
  ])('given a request that %s, when run, then neither hook runs', async (_label, request) => {
    const calls: string[] = [];
    const hooked = graphqlExecution({ schema: buildPublicSchema(), production: true, beforeExecute: async () => void calls.push('before'), afterExecute: async () => void calls.push('after') });
    const answer = await hooked(request, context);
    expect({ calls, failed: answer.status >= 400 }).toEqual({ calls: [], failed: true });
  });
});
