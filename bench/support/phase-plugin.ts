import type { ApolloServerPlugin } from '@apollo/server';
import { performance } from 'node:perf_hooks';
import type { RequestContext } from '../../functions/api/context';

/** Instants (performance.now()) of one request's way through Apollo; parse and validate are 0 when the document cache answered. */
export interface PhaseMarks {
  requestStarted: number;
  parseMs: number;
  validateMs: number;
  executionStarted: number;
  executionEnded: number;
  responseReady: number;
}

/**
 * Bench-only Apollo plugin that timestamps the request pipeline. Added last, so its
 * `willSendResponse` runs after the server's own plugins (logging, metrics, error stamping).
 */
export function phasePlugin(onRequest: (marks: PhaseMarks) => void): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      const marks: PhaseMarks = {
        requestStarted: performance.now(),
        parseMs: 0,
        validateMs: 0,
        executionStarted: Number.NaN,
        executionEnded: Number.NaN,
        responseReady: Number.NaN,
      };
      return {
        async parsingDidStart() {
          const started = performance.now();
          return async () => void (marks.parseMs = performance.now() - started);
        },
        async validationDidStart() {
          const started = performance.now();
          return async () => void (marks.validateMs = performance.now() - started);
        },
        async executionDidStart() {
          marks.executionStarted = performance.now();
          return { async executionDidEnd() { marks.executionEnded = performance.now(); } };
        },
        async willSendResponse() {
          marks.responseReady = performance.now();
          onRequest(marks);
        },
      };
    },
  };
}
