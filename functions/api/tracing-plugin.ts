import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import { annotate } from '../shared/tracing';
import type { RequestContext } from './context';
import { loggableName, OTHER_OPERATION, rootFieldsDimension } from './observability';

/**
 * Annotates the invocation's trace subsegment (shared/tracing.ts) with what a trace is searched
 * by: `operation`, the operation's name as the log line has it (a bounded GraphQL name, else
 * `anonymous` or `(invalid)`), `rootFields`, the metric's dimension (`district,stations`), and
 * `errorCode`, the first error's code when the answer carries errors. Never variables, the
 * query's text or any result: resolvers' responses are not captured. A no-op where tracing is off.
 */
export function tracingPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operationName, operation, document, request, response }) {
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          annotateRequest(operationName ?? request.operationName, operation && document ? rootFieldsDimension(operation, document) : OTHER_OPERATION, sent);
        },
      };
    },
  };
}

/** The annotations above, for a request's operation name, root fields and answered errors (the public function calls it itself). */
export function annotateRequest(operationName: unknown, rootFields: string, errors: readonly GraphQLFormattedError[]): void {
  annotate({
    operation: loggableName(operationName),
    rootFields,
    errorCode: errors.length > 0 ? String(errors[0]!.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : undefined,
  });
}
