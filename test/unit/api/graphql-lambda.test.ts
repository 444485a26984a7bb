import { Logger } from '@aws-lambda-powertools/logger';
import type { RequestContext } from '../../../functions/api/context';
import type { GraphqlAnswer, GraphqlRun } from '../../../functions/api/graphql-execution';
import { graphqlLambdaHandler } from '../../../functions/api/graphql-lambda';
import { graphqlEvent, lambdaContext } from '../../support/graphql-handler';

/** A runner that only records that it ran: whatever reaches it could have written. */
function recordingRun() {
  const ran: string[] = [];
  const answer: GraphqlAnswer = { status: 200, headers: {}, result: { data: { ok: true } }, errors: [] };
  const run: GraphqlRun = async (request) => {
    ran.push(request.query ?? '');
    return answer;
  };
  return { ran, run };
}

const contextOf = () => ({ requestId: 'r', language: 'en', logger: new Logger({ logLevel: 'CRITICAL' }) }) as unknown as RequestContext;
const mutation = { query: 'mutation { reportIssue(input: {}) { id } }' };

describe('the GraphQL functions\' HTTP handling', () => {
  test('given an Accept header that takes no JSON, when a mutation is sent, then 406 and the operation never runs', async () => {
    const { ran, run } = recordingRun();
    const event = graphqlEvent(mutation);
    event.headers = { ...event.headers, accept: 'text/html' };

    const result = await graphqlLambdaHandler({ run, contextOf })(event, lambdaContext());

    expect({ status: result.statusCode, ran }).toEqual({ status: 406, ran: [] });
  });

  test('given an acceptable request, when it is answered, then the answer is JSON that no cache may store', async () => {
    const { ran, run } = recordingRun();

    const result = await graphqlLambdaHandler({ run, contextOf })(graphqlEvent(mutation), lambdaContext());

    expect({ status: result.statusCode, ran: ran.length, headers: result.headers, body: JSON.parse(result.body!) }).toEqual({
      status: 200,
      ran: 1,
      headers: expect.objectContaining({ 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }),
      body: { data: { ok: true } },
    });
  });
});
