import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { Kind, type DocumentNode, type GraphQLFormattedError, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { METRICS_NAMESPACE } from '../shared/metrics';
import type { RequestContext } from './context';

/** The GraphQL Name grammar, bounded to 100 characters: the only operation names a log line carries. */
const LOGGABLE_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
/** How a log line names an operation whose client-chosen name is not loggable (too long, other characters). */
export const INVALID_NAME = '(invalid)';
/** The metric dimension of a request that never reached a valid operation, or asked for too many root fields. */
export const OTHER_OPERATION = 'other';
/** More distinct root fields than this in one operation count as `other`: the dimension stays a small set. */
const MAX_ROOT_FIELDS = 3;

/** The name as sent if it is a bounded GraphQL name; `anonymous` if none was sent; else `(invalid)`. */
export function loggableName(name: unknown): string {
  if (name === undefined || name === null || name === '') return 'anonymous';
  return typeof name === 'string' && LOGGABLE_NAME.test(name) ? name : INVALID_NAME;
}

/**
 * The distinct names of the fields an operation selects on its root type, through fragments
 * and aliases (`a: district` is `district`), sorted and joined; `other` past MAX_ROOT_FIELDS.
 * Only a validated operation gets here, so every name is one of the schema's.
 */
export function rootFieldsDimension(operation: OperationDefinitionNode, document: DocumentNode): string {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const names = new Set<string>();
  const spread = new Set<string>();
  const collect = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet);
      else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        const fragment = fragments.get(selection.name.value);
        if (fragment) collect(fragment.selectionSet);
      }
    }
  };
  collect(operation.selectionSet);
  if (names.size === 0 || names.size > MAX_ROOT_FIELDS) return OTHER_OPERATION;
  return [...names].sort().join(',');
}

/**
 * One structured log line and one EMF metrics record per GraphQL request: operation name,
 * caller role and district (from the request logger's keys), latency and error codes. Metrics:
 * Requests, Errors and Latency by operation. Never logged: variables, tokens, contacts, phones.
 *
 * The operation name is the client's choice: it is logged only when it is a GraphQL name of at
 * most 100 characters, and is never a metric dimension (every new value is a new CloudWatch
 * metric). The `operation` dimension is the validated operation's root field names, sorted and
 * joined by commas (`district,stations`), a set bounded by the schema; else `other`.
 */
export function recordRequest(
  contextValue: Pick<RequestContext, 'logger'>,
  request: { operationName: unknown; rootFields: string; latencyMs: number; status: number; errors: readonly GraphQLFormattedError[] },
): void {
  const codes = request.errors.map((error) => String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
  contextValue.logger.info('graphql request', {
    operation: loggableName(request.operationName),
    rootFields: request.rootFields,
    latencyMs: request.latencyMs,
    status: request.status,
    ...(codes.length ? { errorCodes: codes } : {}),
  });
  const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'community-city-services' });
  metrics.addDimension('operation', request.rootFields);
  metrics.addMetric('Requests', MetricUnit.Count, 1);
  metrics.addMetric('Errors', MetricUnit.Count, codes.length ? 1 : 0);
  metrics.addMetric('Latency', MetricUnit.Milliseconds, request.latencyMs);
  metrics.publishStoredMetrics();
}
