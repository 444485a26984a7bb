import { performance } from 'node:perf_hooks';
import { graphqlEvent, lambdaContext } from '../test/support/graphql-handler';
import type { DirectExecutor } from './support/direct-executor';
import type { BenchOperation } from './support/operations';
import type { LambdaHandler } from './support/replica-handler';
import { alternate, type PairedSamples } from './support/stats';
import { recordStore, roundTrips, type StoreRequest } from './support/store-recorder';
import { reportedIssueId, type Workload } from './support/workload';

export interface WarmResult {
  operation: BenchOperation;
  samples: PairedSamples;
  /** Store commands of one call through the handler and one through `execute`. */
  handlerRequests: StoreRequest[];
  executeRequests: StoreRequest[];
}

/** One call through the real Lambda handler: event in, result out; the event is built before the clock starts. */
async function viaHandler(handler: LambdaHandler, operation: BenchOperation, variables: Record<string, unknown>, workload: Workload): Promise<number> {
  const event = graphqlEvent({ query: operation.document, variables }, operation.claims);
  const context = lambdaContext();
  const started = performance.now();
  const result = await handler(event, context);
  const elapsed = performance.now() - started;
  const body = JSON.parse(result.body ?? '{}') as { data?: unknown; errors?: { message: string }[] };
  if (result.statusCode !== 200 || body.errors) throw new Error(`${operation.name} via the handler: ${result.statusCode} ${JSON.stringify(body.errors)}`);
  const issueId = reportedIssueId(body.data);
  if (issueId) workload.reported(issueId);
  return elapsed;
}

/** The same operation through graphql-js `execute` of the pre-parsed document. */
async function viaExecute(api: DirectExecutor, operation: BenchOperation, variables: Record<string, unknown>, workload: Workload): Promise<number> {
  api.documentOf(operation.document);
  const started = performance.now();
  const result = await api.execute(operation.document, variables, operation.claims);
  const elapsed = performance.now() - started;
  if (result.errors) throw new Error(`${operation.name} via execute: ${result.errors.map((error) => error.message).join('; ')}`);
  const issueId = reportedIssueId(result.data);
  if (issueId) workload.reported(issueId);
  return elapsed;
}

/**
 * Warm requests, the handler against graphql-js `execute` over the same resolvers and store,
 * alternately (ABBA) after a warm-up, then one recorded call each for the round-trip count.
 */
export async function benchWarmRequest(
  handler: LambdaHandler,
  api: DirectExecutor,
  workload: Workload,
  operation: BenchOperation,
  rounds: number,
  warmUp: number,
): Promise<WarmResult> {
  const samples = await alternate(
    rounds,
    warmUp,
    (round) => viaHandler(handler, operation, workload.variables(operation, round), workload),
    (round) => viaExecute(api, operation, workload.variables(operation, round), workload),
  );
  const viaHandlerRecorded = await recordStore(() => viaHandler(handler, operation, workload.variables(operation, 0), workload));
  const viaExecuteRecorded = await recordStore(() => viaExecute(api, operation, workload.variables(operation, 0), workload));
  return { operation, samples, handlerRequests: viaHandlerRecorded.requests, executeRequests: viaExecuteRecorded.requests };
}

export const roundTripsOf = (result: WarmResult) => ({ handler: roundTrips(result.handlerRequests), execute: roundTrips(result.executeRequests) });
