import { createHash } from 'node:crypto';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import type { RequestContext } from './context';
import { formatError } from './errors';
import type { GraphqlHttpRequest } from './public-http';
import { parseOptions, queryLimits } from './query-limits';
import { servedOperationTypes } from './served-operation-types';

/** What one GraphQL request is answered: status, extra headers, and the result whose errors are formatted (errors.ts). */
export interface GraphqlAnswer {
  status: number;
  headers: Record<string, string>;
  result: { data?: unknown; errors?: ReturnType<typeof formatError>[] };
  /** The request's raw errors, for the log (errors.ts logUnexpectedErrors). */
  errors: readonly GraphQLError[];
  operationName?: string;
  document?: DocumentNode;
  operation?: ReturnType<typeof getOperationAST>;
}

/** Persisted queries kept per container, by hash: the same bound as Apollo Server's default cache keeps them by size. */
const MAX_PERSISTED_QUERIES = 1000;
/** How graphql-armor's Apollo plugin hides field suggestions in production. */
const SUGGESTION = /Did you mean ".+"/g;
const SUGGESTION_MASK = '[Suggestion hidden]';
/** An uncoded request error with a 4xx status, which errors.ts answers as BAD_REQUEST (as Apollo Server's own). */
const BAD_REQUEST_HTTP = { extensions: { http: { status: 400 } } };
const NOT_CACHED = { 'cache-control': 'private, no-cache, must-revalidate' };

const codedError = (message: string, code: string, options: { nodes?: GraphQLError['nodes']; originalError?: Error } = {}) =>
  new GraphQLError(message, { nodes: options.nodes, originalError: options.originalError, extensions: { code } });

/** An uncoded variable-coercion error of graphql-js: bad input, as Apollo Server classifies it. */
const isVariableError = (error: GraphQLError) => error.nodes?.length === 1 && error.nodes[0]!.kind === Kind.VARIABLE_DEFINITION && error.extensions.code === undefined;

/**
 * The public function's GraphQL execution without a server framework: graphql-js's parse,
 * validate and execute with the staff API's rules and answers (server.ts, errors.ts,
 * query-limits.ts): the token limit, graphql-armor's validation rules, operations only of the
 * schema's kinds, automatic persisted queries, mutations only by POST, and the same status for
 * each kind of error (parse, validation, bad variables, unresolvable operation: 400).
 */
export function publicGraphql(options: { schema: GraphQLSchema; production: boolean }) {
  const limits = queryLimits({ production: options.production });
  const rules: ValidationRule[] = [
    ...specifiedRules,
    maxDepthRule(limits.maxDepth),
    costLimitRule(limits.costLimit),
    maxAliasesRule(limits.maxAliases),
    maxDirectivesRule(limits.maxDirectives),
    servedOperationTypes,
  ];
  const persisted = new Map<string, string>();

  const answerErrors = (errors: GraphQLError[], status: number, headers: Record<string, string> = {}, more: Partial<GraphqlAnswer> = {}): GraphqlAnswer => ({
    status,
    headers,
    result: { errors: errors.map((error) => formatError(error.toJSON(), error)) },
    errors,
    ...more,
  });

  function queryOf(request: GraphqlHttpRequest): string | GraphqlAnswer {
    const persistedQuery = request.extensions?.persistedQuery as { version?: unknown; sha256Hash?: unknown } | undefined;
    if (persistedQuery) {
      if (persistedQuery.version !== 1) return answerErrors([new GraphQLError('Unsupported persisted query version', BAD_REQUEST_HTTP)], 400);
      const hash = String(persistedQuery.sha256Hash);
      if (request.query === undefined) return persisted.get(hash) ?? answerErrors([codedError('PersistedQueryNotFound', 'PERSISTED_QUERY_NOT_FOUND')], 200, NOT_CACHED);
      if (createHash('sha256').update(request.query).digest('hex') !== hash) return answerErrors([new GraphQLError('provided sha does not match query', BAD_REQUEST_HTTP)], 400);
      if (persisted.size >= MAX_PERSISTED_QUERIES) persisted.clear();
      persisted.set(hash, request.query);
      return request.query;
    }
    if (request.query) return request.query;
    return answerErrors([codedError('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.', 'BAD_REQUEST')], 400);
  }

  return async function run(request: GraphqlHttpRequest, contextValue: RequestContext): Promise<GraphqlAnswer> {
    const query = queryOf(request);
    if (typeof query !== 'string') return query;
    let document: DocumentNode;
    try {
      document = parse(query, parseOptions);
    } catch (error) {
      return answerErrors([codedError((error as Error).message, 'GRAPHQL_PARSE_FAILED', { nodes: (error as GraphQLError).nodes, originalError: error as Error })], 400);
    }
    const invalid = validate(options.schema, document, rules);
    if (invalid.length > 0) {
      const errors = invalid.map((error) =>
        codedError(options.production ? error.message.replace(SUGGESTION, SUGGESTION_MASK) : error.message, 'GRAPHQL_VALIDATION_FAILED', { nodes: error.nodes, originalError: error }),
      );
      return answerErrors(errors, 400, {}, { document });
    }
    const operation = getOperationAST(document, request.operationName);
    if (operation && request.method === 'GET' && operation.operation !== 'query') {
      return answerErrors([codedError(`GET requests only support query operations, not ${operation.operation} operations`, 'BAD_REQUEST')], 405, { allow: 'POST' }, { document, operation });
    }
    const executed = (await execute({ schema: options.schema, document, variableValues: request.variables, operationName: request.operationName, contextValue })) as ExecutionResult;
    if (!operation) {
      const [first] = executed.errors ?? [];
      return answerErrors([codedError(first?.message ?? 'Unknown operation', 'OPERATION_RESOLUTION_FAILURE', { nodes: first?.nodes })], 400, {}, { document });
    }
    const errors = (executed.errors ?? []).map((error) => (isVariableError(error) ? new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError ?? error, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } }) : error));
    return {
      status: errors.length > 0 && executed.data === undefined ? 400 : 200,
      headers: {},
      result: { ...(errors.length ? { errors: errors.map((error) => formatError(error.toJSON(), error)) } : {}), ...('data' in executed ? { data: executed.data } : {}) },
      errors,
      operationName: operation.name?.value ?? request.operationName,
      document,
      operation,
    };
  };
}
