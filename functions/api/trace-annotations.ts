import type { GraphQLFormattedError } from 'graphql';
import { annotate } from '../shared/tracing';
import { loggableName } from './observability';

/**
 * Annotates the invocation's trace subsegment (shared/tracing.ts) with what a trace is searched
 * by: `operation`, the operation's name as the log line has it (a bounded GraphQL name, else
 * `anonymous` or `(invalid)`), `rootFields`, the metric's dimension (`district,stations`), and
 * `errorCode`, the first error's code when the answer carries errors. Never variables, the
 * query's text or any result: resolvers' responses are not captured. A no-op where tracing is off.
 */
export function annotateRequest(operationName: unknown, rootFields: string, errors: readonly GraphQLFormattedError[]): void {
  annotate({
    operation: loggableName(operationName),
    rootFields,
    errorCode: errors.length > 0 ? String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : undefined,
  });
}
