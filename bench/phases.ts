import { performance } from 'node:perf_hooks';
import { buildExecutableSchema } from '../functions/api/schema';
import { createApolloServer } from '../functions/api/server';
import type { Services } from '../functions/app/services';
import { graphqlEvent, lambdaContext } from '../test/support/graphql-handler';
import type { BenchOperation } from './support/operations';
import { phasePlugin, type PhaseMarks } from './support/phase-plugin';
import { replicaHandler } from './support/replica-handler';
import { median } from './support/stats';
import { recordStore, storeWallMs } from './support/store-recorder';
import { reportedIssueId, type Workload } from './support/workload';

/** Where one request's time goes, in ms (medians over the rounds). */
export interface PhaseBreakdown {
  operation: BenchOperation;
  total: number;
  /** Event → Apollo request: the integration's event parsing and the request context. */
  adapterIn: number;
  parse: number;
  validate: number;
  /** Query hash, document-cache lookup, operation resolution, plugins' early hooks (graphql-armor). */
  otherBeforeExecution: number;
  /** graphql-js execution minus the time a store request was in flight. */
  resolvers: number;
  /** Wall time with a DynamoDB request in flight, during execution. */
  store: number;
  /** willSendResponse hooks of the server's plugins (error stamping, request log, metrics). */
  responsePlugins: number;
  /** JSON serialization of the result and the integration's Lambda result. */
  serializeAndAdapterOut: number;
}

/**
 * Per-phase breakdown: the server of functions/api/server.ts with a timing plugin, behind the
 * handler's wiring (bench/support/replica-handler.ts); store time from the recorded commands.
 */
export async function benchPhases(services: Services, workload: Workload, operations: BenchOperation[], rounds: number): Promise<PhaseBreakdown[]> {
  let marks: PhaseMarks | undefined;
  const server = createApolloServer({ schema: buildExecutableSchema() });
  server.addPlugin(phasePlugin((request) => void (marks = request)));
  const handler = replicaHandler(server, services);

  const breakdowns: PhaseBreakdown[] = [];
  for (const operation of operations) {
    const phases: Record<Exclude<keyof PhaseBreakdown, 'operation'>, number[]> = {
      total: [], adapterIn: [], parse: [], validate: [], otherBeforeExecution: [], resolvers: [], store: [], responsePlugins: [], serializeAndAdapterOut: [],
    };
    for (let round = 0; round < rounds; round += 1) {
      const event = graphqlEvent({ query: operation.document, variables: workload.variables(operation, round) }, operation.claims);
      const context = lambdaContext();
      marks = undefined;
      const started = performance.now();
      const { result, requests } = await recordStore(() => handler(event, context));
      const ended = performance.now();
      const issueId = reportedIssueId((JSON.parse(result.body ?? '{}') as { data?: unknown }).data);
      if (issueId) workload.reported(issueId);
      if (!marks || round === 0) continue;
      const m: PhaseMarks = marks;
      const storeMs = storeWallMs(requests.filter((request) => request.startedAt >= m.executionStarted && request.endedAt <= m.executionEnded));
      phases.total.push(ended - started);
      phases.adapterIn.push(m.requestStarted - started);
      phases.parse.push(m.parseMs);
      phases.validate.push(m.validateMs);
      phases.otherBeforeExecution.push(m.executionStarted - m.requestStarted - m.parseMs - m.validateMs);
      phases.store.push(storeMs);
      phases.resolvers.push(m.executionEnded - m.executionStarted - storeMs);
      phases.responsePlugins.push(m.responseReady - m.executionEnded);
      phases.serializeAndAdapterOut.push(ended - m.responseReady);
    }
    breakdowns.push({ operation, ...(Object.fromEntries(Object.entries(phases).map(([phase, values]) => [phase, median(values)])) as Omit<PhaseBreakdown, 'operation'>) });
  }
  await server.stop();
  return breakdowns;
}
