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
  /** Store commands of each recorded call through the handler, and through `execute`. */
  handlerRequests: StoreRequest[][];
  executeRequests: StoreRequest[][];
}

/**
 * Calls recorded per side for the round-trip count. Levels are read from timing, which can only
 * over-count: a request that depends on nothing may still start after an unrelated one ended
 * (two branches finishing at different times), but a request that needs another's result never
 * starts before it ends. The least count over a few calls is therefore the tightest bound.
 */
const RECORDED_CALLS = 5;

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
 * alternately (ABBA) after a warm-up, then a few recorded calls each for the round-trip count.
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
  const handlerRequests: StoreRequest[][] = [];
  const executeRequests: StoreRequest[][] = [];
  for (let call = 0; call < RECORDED_CALLS; call += 1) {
    handlerRequests.push((await recordStore(() => viaHandler(handler, operation, workload.variables(operation, call), workload))).requests);
    executeRequests.push((await recordStore(() => viaExecute(api, operation, workload.variables(operation, call), workload))).requests);
  }
  return { operation, samples, handlerRequests, executeRequests };
}

const fewestRoundTrips = (calls: StoreRequest[][]) => Math.min(...calls.map((requests) => roundTrips(requests)));

export const roundTripsOf = (result: WarmResult) => ({ handler: fewestRoundTrips(result.handlerRequests), execute: fewestRoundTrips(result.executeRequests) });
