import { performance } from 'node:perf_hooks';
import type { PhaseMarks } from '../functions/api/graphql-execution';
import { staffExecution } from '../functions/api/staff-execution';
import type { Services } from '../functions/app/services';
import { graphqlEvent, lambdaContext } from '../test/support/graphql-handler';
import type { BenchOperation } from './support/operations';
import { replicaHandler } from './support/replica-handler';
import { median } from './support/stats';
import { recordStore, storeWallMs } from './support/store-recorder';
import { reportedIssueId, type Workload } from './support/workload';

/** Where one request's time goes, in ms (medians over the rounds). */
export interface PhaseBreakdown {
  operation: BenchOperation;
  total: number;
  /** Event → GraphQL request: reading the HTTP request and the request context. */
  adapterIn: number;
  parse: number;
  validate: number;
  /** Document-cache lookup, operation resolution and the active-officer check. */
  otherBeforeExecution: number;
  /** graphql-js execution minus the time a store request was in flight. */
  resolvers: number;
  /** Wall time with a DynamoDB request in flight, during execution. */
  store: number;
  /** After execution, before the answer: the audit records and the errors' formatting. */
  afterExecution: number;
  /** Errors' languages, the log line, metrics, trace annotations, JSON serialization and the Lambda result. */
  serializeAndAdapterOut: number;
}

/**
 * Per-phase breakdown: the staff API's execution (functions/api/staff-execution.ts) watched by
 * the bench, behind the handler's wiring (bench/support/replica-handler.ts); store time from the
 * recorded commands.
 */
export async function benchPhases(services: Services, workload: Workload, operations: BenchOperation[], rounds: number): Promise<PhaseBreakdown[]> {
  let marks: PhaseMarks | undefined;
  const handler = replicaHandler(staffExecution(), services, (request) => void (marks = request));

  const breakdowns: PhaseBreakdown[] = [];
  for (const operation of operations) {
    const phases: Record<Exclude<keyof PhaseBreakdown, 'operation'>, number[]> = {
      total: [], adapterIn: [], parse: [], validate: [], otherBeforeExecution: [], resolvers: [], store: [], afterExecution: [], serializeAndAdapterOut: [],
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
      phases.afterExecution.push(m.answered - m.executionEnded);
      phases.serializeAndAdapterOut.push(ended - m.answered);
    }
    breakdowns.push({ operation, ...(Object.fromEntries(Object.entries(phases).map(([phase, values]) => [phase, median(values)])) as Omit<PhaseBreakdown, 'operation'>) });
  }
  return breakdowns;
}
