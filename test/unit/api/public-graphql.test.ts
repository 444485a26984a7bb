import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../functions/api/context';
import { publicGraphql } from '../../../functions/api/public-graphql';
import type { GraphqlHttpRequest } from '../../../functions/api/public-http';
import { buildPublicSchema } from '../../../functions/api/public-schema';

/** Every case here is answered before a resolver runs: no context is read. */
const context = {} as RequestContext;
const run = publicGraphql({ schema: buildPublicSchema(), production: true });
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
