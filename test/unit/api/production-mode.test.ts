import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { callGraphql, claimsFor, codesOf, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { ISSUE_FIELDS } from '../../support/issue-operations';
import type { TestStore } from '../../support/test-store';

/** The handler as deployed (NODE_ENV=production), with DynamoDB mocked: none of these requests should need it. */
const dynamo = mockClient(DynamoDBDocumentClient);
const admin = claimsFor('dingnan', 'ADMIN');
let handler: Awaited<ReturnType<typeof loadHandler>>;

beforeAll(async () => {
  process.env.NODE_ENV = 'production';
  handler = await loadHandler({ tableName: 'mocked', endpoint: 'http://127.0.0.1:1' } as TestStore);
});
afterAll(() => {
  process.env.NODE_ENV = 'test';
});
beforeEach(() => dynamo.reset());

const nested = (depth: number): string => (depth === 0 ? 'id' : `grids { station { ${nested(depth - 1)} } }`);

describe('given the production handler', () => {
  test('when introspection is asked for, then it is refused and no schema is returned', async () => {
    const response = await callGraphql(handler, '{ __schema { types { name } } }', { claims: admin });

    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(response.data).toBeUndefined();
  });

  test('when a field is misspelled, then the error names no suggestion', async () => {
    const response = await callGraphql(handler, '{ stations { edges { node { nmae } } } }', { claims: admin });

    expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(JSON.stringify(response)).not.toMatch(/Did you mean|"name"/);
  });

  test.each([
    ['too deep', `{ station(id: "x") { ${nested(6)} } }`],
    ['too many aliases', `{ ${Array.from({ length: 16 }, (_, n) => `a${n}: district { id }`).join(' ')} }`],
    ['too many directives', `{ district { id ${'@include(if: true) '.repeat(11)} } }`],
    ['too many tokens', `{ district { ${'id '.repeat(2100)} } }`],
    ['too costly', `{ ${Array.from({ length: 12 }, (_, n) => `a${n}: issues(first: 100) { edges { node { ${ISSUE_FIELDS} } } }`).join(' ')} }`],
  ])('when an operation is %s, then it is refused without revealing the limit and without touching the store', async (_label, query) => {
    const response = await callGraphql(handler, query, { claims: admin });

    expect(response.errors?.length).toBeGreaterThan(0);
    expect(response.data ?? undefined).toBeUndefined();
    expect(JSON.stringify(response.errors)).not.toMatch(/\b(10|15|2000|50000|50_000)\b/);
    expect(dynamo.calls()).toHaveLength(0);
  });

  test('when requests are batched in one HTTP body, then they are refused', async () => {
    const event = graphqlEvent([{ query: '{ district { id } }' }, { query: '{ district { name } }' }], admin);

    const result = await handler(event, lambdaContext());

    expect(result.statusCode).toBe(400);
    expect(dynamo.calls()).toHaveLength(0);
  });

  test('when any operation is answered, then the response tells proxies and browsers not to store it', async () => {
    const result = await handler(graphqlEvent({ query: '{ __typename }' }, admin), lambdaContext());

    expect(result.statusCode).toBe(200);
    expect(result.headers?.['cache-control']).toBe('no-store');
  });

  test('when the body is over 64 KB, then 413 and nothing is parsed', async () => {
    const event = graphqlEvent({ query: '{ district { id } }', variables: { padding: 'x'.repeat(70_000) } }, admin);

    const result = await handler(event, lambdaContext());

    expect(result.statusCode).toBe(413);
    expect(JSON.parse(result.body!).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  test('when the store fails, then the error is masked with no stack or internal message', async () => {
    dynamo.on(QueryCommand).rejects(Object.assign(new Error('ProvisionedThroughputExceededException at table prod-data'), { stack: 'Error: x\n    at /var/task/index.js:1:1' }));

    const response = await callGraphql(handler, '{ stations { edges { node { id } } } }', { claims: admin });

    expect(codesOf(response)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(response)).not.toMatch(/Provisioned|prod-data|\/var\/task|stack/);
  });
});

describe('given the development handler', () => {
  test('when a field is misspelled, then the error suggests the field (a help while developing)', async () => {
    process.env.NODE_ENV = 'development';
    try {
      let development!: Awaited<ReturnType<typeof loadHandler>>;
      // A fresh module: the handler reads NODE_ENV when it loads, and the production one is cached.
      await jest.isolateModulesAsync(async () => {
        development = await loadHandler({ tableName: 'mocked', endpoint: 'http://127.0.0.1:1' } as TestStore);
      });

      const response = await callGraphql(development, '{ stations { edges { node { nmae } } } }', { claims: admin });

      expect(codesOf(response)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
      expect(response.errors![0]!.message).toMatch(/Did you mean "name"/);
    } finally {
      process.env.NODE_ENV = 'production';
    }
  });
});
