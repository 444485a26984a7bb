import type { ApolloServerPlugin } from '@apollo/server';
import type { GraphQLFormattedError } from 'graphql';
import type { RequestContext } from './context';

/** The HTTP status of each retryable code when nothing of the operation ran. */
const STATUS_OF: Readonly<Record<string, number>> = { RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * A RATE_LIMITED or SERVICE_UNAVAILABLE (deadline passed) answer tells the client when to come
 * back, as HTTP does: a `Retry-After` header with the longest wait any of its errors names, and
 * status 429 (503) when nothing of the operation ran (no data); 503 wins over 429.
 * `extensions.retryAfterSeconds` says the same in the body.
 */
export function retryAfterPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const answer = retryAfterOf(errors, data);
          if (!answer) return;
          response.http.headers.set('retry-after', answer.retryAfter);
          if (answer.status) response.http.status = answer.status;
        },
      };
    },
  };
}

/** The `Retry-After` header (and the status, when nothing ran) an answer with these errors and data gets; undefined when none is retryable with a wait. */
export function retryAfterOf(errors: readonly GraphQLFormattedError[] | undefined, data: unknown): { retryAfter: string; status?: number } | undefined {
  const retryable = (errors ?? []).filter((error) => String(error.extensions?.code) in STATUS_OF);
  const waits = retryable.map((error) => Number(error.extensions?.retryAfterSeconds)).filter((seconds) => Number.isFinite(seconds) && seconds > 0);
  if (waits.length === 0) return undefined;
  return { retryAfter: String(Math.max(...waits)), ...(data == null ? { status: Math.max(...retryable.map((error) => STATUS_OF[String(error.extensions?.code)]!)) } : {}) };
}
