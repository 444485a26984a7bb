import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  execute,
  getOperationAST,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import type { RequestContext } from './context';
import { formatError } from './errors';
import type { GraphqlHttpRequest } from './graphql-http';
import { parseOptions, validationRules } from './query-limits';

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

/** Instants (performance.now()) of one request's way through `run`; parse and validate are 0 when the document cache answered. */
export interface PhaseMarks {
  documentCached: boolean;
  requestStarted: number;
  parseMs: number;
  validateMs: number;
  executionStarted: number;
  executionEnded: number;
  /** After the `afterExecute` hook and the errors' formatting: `run` is about to answer. */
  answered: number;
}

export interface GraphqlExecutionOptions {
  schema: GraphQLSchema;
  /** Deployed: field suggestions hidden, and introspection off unless `introspection` says otherwise. */
  production: boolean;
  /** Whether `__schema` and `__type` may be asked for; default: everywhere but in production. */
  introspection?: boolean;
  /** Runs once the operation is known to be valid and runnable, before any resolver (the staff API's active-officer check). */
  beforeExecute?: (contextValue: RequestContext) => Promise<void>;
  /** Runs after the operation, before the answer leaves (the staff API's audit records). */
  afterExecute?: (contextValue: RequestContext) => Promise<void>;
  /** Valid documents kept per container by their text, so a repeated operation is neither parsed nor validated again; 0 turns the cache off. */
  documentCacheSize?: number;
}

/** Persisted queries kept per container, by hash: the same bound as Apollo Server's default cache keeps them by size. */
const MAX_PERSISTED_QUERIES = 1000;
/** Valid documents kept per container: every operation a front end sends, many times over. */
const DEFAULT_DOCUMENT_CACHE_SIZE = 1000;
/** Longer documents are validated every time: with this bound the cache holds at most ≈ 20 MB of query text, however it is fed. */
const MAX_CACHED_QUERY_LENGTH = 20_000;
/** Field suggestions as graphql-armor hides them in production. */
const SUGGESTION = /Did you mean ".+"/g;
const SUGGESTION_MASK = '[Suggestion hidden]';
/** An uncoded request error with a 4xx status, which errors.ts answers as BAD_REQUEST (as Apollo Server's own). */
const BAD_REQUEST_HTTP = { extensions: { http: { status: 400 } } };
const NOT_CACHED = { 'cache-control': 'private, no-cache, must-revalidate' };

const codedError = (message: string, code: string, options: { nodes?: GraphQLError['nodes']; originalError?: Error } = {}) =>
  new GraphQLError(message, { nodes: options.nodes, originalError: options.originalError, extensions: { code } });

/** An uncoded variable-coercion error of graphql-js: bad input, as Apollo Server classifies it. */
const isVariableError = (error: GraphQLError) => error.nodes?.length === 1 && error.nodes[0]!.kind === Kind.VARIABLE_DEFINITION && error.extensions.code === undefined;

/** A map that starts over when full: a container's working set is small, and a flood of new entries cannot grow it. */
function boundedMap<V>(size: number) {
  const entries = new Map<string, V>();
  return {
    get: (key: string) => entries.get(key),
    set(key: string, value: V) {
      if (size <= 0) return;
      if (entries.size >= size) entries.clear();
      entries.set(key, value);
    },
  };
}

/**
 * GraphQL execution without a server framework, for both GraphQL functions: graphql-js's parse,
 * validate and execute, with the API's rules and answers: the token limit and graphql-armor's
 * validation rules (query-limits.ts), operations only of the schema's kinds, introspection off
 * in production, automatic persisted queries, mutations only by POST, a cache of valid documents,
 * and the same status for each kind of error as Apollo Server gave them (parse, validation, bad
 * variables, unresolvable operation: 400), so clients written against either see no change.
 */
export function graphqlExecution(options: GraphqlExecutionOptions) {
  const rules = validationRules({ introspection: options.introspection ?? !options.production });
  const persisted = boundedMap<string>(MAX_PERSISTED_QUERIES);
  const documents = boundedMap<DocumentNode>(options.documentCacheSize ?? DEFAULT_DOCUMENT_CACHE_SIZE);

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
      persisted.set(hash, request.query);
      return request.query;
    }
    if (request.query) return request.query;
    return answerErrors([codedError('GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.', 'BAD_REQUEST')], 400);
  }

  /** The valid document of a query, from the cache or parsed and validated now; else the answer that refuses it. */
  function documentOf(query: string, marks: PhaseMarks): DocumentNode | GraphqlAnswer {
    const cached = documents.get(query);
    marks.documentCached = cached !== undefined;
    if (cached) return cached;
    let document: DocumentNode;
    const parsing = performance.now();
    try {
      document = parse(query, parseOptions);
    } catch (error) {
      return answerErrors([codedError((error as Error).message, 'GRAPHQL_PARSE_FAILED', { nodes: (error as GraphQLError).nodes, originalError: error as Error })], 400);
    }
    const validating = performance.now();
    marks.parseMs = validating - parsing;
    const invalid = validate(options.schema, document, rules);
    marks.validateMs = performance.now() - validating;
    if (invalid.length > 0) {
      const errors = invalid.map((error) =>
        codedError(options.production ? error.message.replace(SUGGESTION, SUGGESTION_MASK) : error.message, 'GRAPHQL_VALIDATION_FAILED', { nodes: error.nodes, originalError: error }),
      );
      return answerErrors(errors, 400, {}, { document });
    }
    if (query.length <= MAX_CACHED_QUERY_LENGTH) documents.set(query, document);
    return document;
  }

  /** Runs one request; `observe` (the bench) gets its phases' instants when an operation ran. */
  return async function run(request: GraphqlHttpRequest, contextValue: RequestContext, observe?: (marks: PhaseMarks) => void): Promise<GraphqlAnswer> {
    const marks: PhaseMarks = { documentCached: false, requestStarted: performance.now(), parseMs: 0, validateMs: 0, executionStarted: Number.NaN, executionEnded: Number.NaN, answered: Number.NaN };
    const query = queryOf(request);
    if (typeof query !== 'string') return query;
    const document = documentOf(query, marks);
    if (!('kind' in document)) return document;
    const operation = getOperationAST(document, request.operationName);
    if (operation && request.method === 'GET' && operation.operation !== 'query') {
      return answerErrors([codedError(`GET requests only support query operations, not ${operation.operation} operations`, 'BAD_REQUEST')], 405, { allow: 'POST' }, { document, operation });
    }
    if (operation) await options.beforeExecute?.(contextValue);
    marks.executionStarted = performance.now();
    const executed = (await execute({ schema: options.schema, document, variableValues: request.variables, operationName: request.operationName, contextValue })) as ExecutionResult;
    marks.executionEnded = performance.now();
    if (!operation) {
      const [first] = executed.errors ?? [];
      return answerErrors([codedError(first?.message ?? 'Unknown operation', 'OPERATION_RESOLUTION_FAILURE', { nodes: first?.nodes })], 400, {}, { document });
    }
    await options.afterExecute?.(contextValue);
    const errors = (executed.errors ?? []).map((error) => (isVariableError(error) ? new GraphQLError(error.message, { nodes: error.nodes, originalError: error.originalError ?? error, extensions: { ...error.extensions, code: 'BAD_USER_INPUT' } }) : error));
    const answer: GraphqlAnswer = {
      status: errors.length > 0 && executed.data === undefined ? 400 : 200,
      headers: {},
      result: { ...(errors.length ? { errors: errors.map((error) => formatError(error.toJSON(), error)) } : {}), ...('data' in executed ? { data: executed.data } : {}) },
      errors,
      operationName: operation.name?.value ?? request.operationName,
      document,
      operation,
    };
    marks.answered = performance.now();
    observe?.(marks);
    return answer;
  };
}

/** One request's runner, as `graphqlExecution` builds it. */
export type GraphqlRun = ReturnType<typeof graphqlExecution>;
