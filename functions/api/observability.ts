import type { ApolloServerPlugin } from '@apollo/server';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { METRICS_NAMESPACE } from '../shared/metrics';
import type { RequestContext } from './context';

/**
 * One structured log line and one EMF metrics record per GraphQL request: operation name,
 * caller role and district (from the request logger's keys), latency and error codes. Metrics:
 * Requests, Errors and Latency by operation. Never logged: variables, tokens, contacts, phones.
 */
export function requestObservabilityPlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, request, response }) {
          const latencyMs = Math.round((performance.now() - started) * 10) / 10;
          // The resolved name, or the one the client sent when the document never resolved (invalid).
          const operation = operationName ?? request.operationName ?? 'anonymous';
          const sent = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = sent.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          contextValue.logger.info('graphql request', {
            operation,
            latencyMs,
            status: response.http.status ?? 200,
            ...(codes.length ? { errorCodes: codes } : {}),
          });
          const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services' });
          metrics.addDimension('operation', operation);
          metrics.addMetric('Requests', MetricUnit.Count, 1);
          metrics.addMetric('Errors', MetricUnit.Count, codes.length ? 1 : 0);
          metrics.addMetric('Latency', MetricUnit.Milliseconds, latencyMs);
          metrics.publishStoredMetrics();
        },
      };
    },
  };
}
