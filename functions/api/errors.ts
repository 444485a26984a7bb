import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApiError } from '../shared/errors';
import type { RequestContext } from './context';
import { localizeError } from './i18n/localize-errors';

/** Codes whose messages are written for clients (the request errors of graphql-execution.ts). */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

const INTERNAL_MESSAGE = 'Internal server error';

/** What a resolver threw, from the GraphQLError graphql-js wrapped it in; any other error as it is. */
const unwrapResolverError = (error: unknown): unknown => (error instanceof GraphQLError && error.path && error.originalError ? error.originalError : error);

/** graphql-js stops after 50 bad variable values with this uncoded error: it is bad input, not a fault. */
const TOO_MANY_VARIABLE_ERRORS = /^Too many errors processing variables/;

/** graphql-js's parser names its token limit ("Document contains more that 2000 tokens"); the answer names neither it nor where parsing stopped. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] \d+ tokens/;
const TOKEN_LIMIT_MESSAGE = 'Syntax Error: Document contains too many tokens.';

/**
 * A few bad requests are answered with an uncoded error that carries a 4xx status: an automatic
 * persisted query of an unknown version (or not an object), or a hash that does not match its
 * query. They are the client's fault: BAD_REQUEST, not a masked internal error.
 */
function isUncodedRequestError(original: unknown): boolean {
  if (!(original instanceof GraphQLError) || original.extensions.code !== undefined) return false;
  const status = (original.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

function isExpected(formatted: GraphQLFormattedError, original: unknown): boolean {
  if (original instanceof ApiError || TOO_MANY_VARIABLE_ERRORS.test(formatted.message) || isUncodedRequestError(original)) return true;
  const code = formatted.extensions?.code;
  return typeof code === 'string' && CLIENT_ERROR_CODES.has(code);
}

/**
 * The typed error each formatted one came from: `formatError` has no request (so no language),
 * and `answeredErrors`, which has, translates the formatted error by what it was.
 */
const originals = new WeakMap<GraphQLFormattedError, ApiError>();

/**
 * The only shape errors leave the server in: typed errors with their code (and, for
 * BAD_USER_INPUT, the offending field paths); request errors without stack traces;
 * everything else masked as INTERNAL_SERVER_ERROR with no message or stack from inside.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const where = { ...(formatted.locations ? { locations: formatted.locations } : {}), ...(formatted.path ? { path: formatted.path } : {}) };
  if (original instanceof ApiError) {
    const typed = { message: original.message, ...where, extensions: original.extensions() };
    originals.set(typed, original);
    return typed;
  }
  if (TOO_MANY_VARIABLE_ERRORS.test(formatted.message)) return { message: formatted.message, ...where, extensions: { code: 'BAD_USER_INPUT' } };
  if (isUncodedRequestError(original)) return { message: formatted.message, ...where, extensions: { code: 'BAD_REQUEST' } };
  if (formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && TOKEN_LIMIT.test(formatted.message)) return { message: TOKEN_LIMIT_MESSAGE, extensions: { code: 'GRAPHQL_PARSE_FAILED' } };
  if (isExpected(formatted, original)) return { message: formatted.message, ...where, extensions: { code: formatted.extensions?.code } };
  return { message: INTERNAL_MESSAGE, ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/** Logs, in full (structured, with the request id), each of a request's errors that is not an expected one. */
export function logUnexpectedErrors(errors: readonly GraphQLError[], contextValue: Pick<RequestContext, 'logger'>): void {
  for (const error of errors) {
    const original = unwrapResolverError(error);
    const formatted = { message: error.message, extensions: error.extensions };
    if (!isExpected(formatted, original)) {
      contextValue.logger.error('Unexpected error', { error: original instanceof Error ? original : String(original) });
    }
  }
}

/**
 * Formatted errors as they are answered: masked ones stamped with the request id, so a client's
 * report leads to the log line; our own errors' messages in the request's language
 * (i18n/localize-errors.ts).
 */
export function answeredErrors(errors: readonly GraphQLFormattedError[], contextValue: Pick<RequestContext, 'requestId' | 'language'>): GraphQLFormattedError[] {
  return errors.map((error) =>
    error.extensions?.code === 'INTERNAL_SERVER_ERROR'
      ? { ...error, extensions: { ...error.extensions, requestId: contextValue.requestId } }
      : localizeError(error, originals.get(error), contextValue.language),
  );
}
