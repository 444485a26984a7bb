import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestContext } from './context';

/**
 * A RATE_LIMITED answer tells the client when to come back, as HTTP does: a `Retry-After`
 * header with the longest wait any of its errors names, and status 429 when nothing of the
 * operation ran (no data). `extensions.retryAfterSeconds` says the same in the body.
 */
export function retryAfterPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const { errors, data } = response.body.singleResult;
          const waits = (errors ?? [])
            .filter((error) => error.extensions?.code === 'RATE_LIMITED')
            .map((error) => Number(error.extensions?.retryAfterSeconds))
            .filter((seconds) => Number.isFinite(seconds) && seconds > 0);
          if (waits.length === 0) return;
          response.http.headers.set('retry-after', String(Math.max(...waits)));
          if (data == null) response.http.status = 429;
        },
      };
    },
  };
}
