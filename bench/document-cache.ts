import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PhaseMarks } from '../functions/api/graphql-execution';
import { staffExecution } from '../functions/api/staff-execution';
import type { Services } from '../functions/app/services';
import { graphqlEvent, lambdaContext } from '../test/support/graphql-handler';
import type { BenchOperation } from './support/operations';
import { replicaHandler, type LambdaHandler } from './support/replica-handler';
import { alternate, median } from './support/stats';
import type { Workload } from './support/workload';

export interface DocumentCacheResult {
  operation: BenchOperation;
  /** Request start to execution start (hash, cache lookup or parse + validate, operation resolution), ms. */
  beforeExecution: { cached: number; uncached: number };
  total: { cached: number; uncached: number };
}

export interface PersistedQueryCheck {
  unknownHashAnswered: string;
  registeredWithQuery: boolean;
  hashOnlyAnswered: boolean;
  sameData: boolean;
  bodyBytes: { full: number; hashOnly: number };
}

async function timed(handler: LambdaHandler, operation: BenchOperation, variables: Record<string, unknown>, last: () => PhaseMarks | undefined) {
  const event = graphqlEvent({ query: operation.document, variables }, operation.claims);
  const started = performance.now();
  await handler(event, lambdaContext());
  const total = performance.now() - started;
  const marks = last();
  if (!marks) throw new Error('no phase marks recorded');
  return { total, beforeExecution: marks.executionStarted - marks.requestStarted };
}

/** The staff API's execution with its document cache and with it off, alternately, on repeated identical operations. */
export async function benchDocumentCache(services: Services, workload: Workload, operations: BenchOperation[], rounds: number): Promise<DocumentCacheResult[]> {
  const built = [undefined, 0].map((documentCacheSize) => {
    let marks: PhaseMarks | undefined;
    return { handler: replicaHandler(staffExecution({ documentCacheSize }), services, (request) => void (marks = request)), last: () => marks };
  });
  const [cached, uncached] = built as [(typeof built)[0], (typeof built)[0]];

  const warmUp = 5;
  const results: DocumentCacheResult[] = [];
  for (const operation of operations) {
    const before = { cached: [] as number[], uncached: [] as number[] };
    const run = (side: typeof cached, into: number[]) => async (round: number) => {
      const sample = await timed(side.handler, operation, workload.variables(operation, round), side.last);
      if (round >= warmUp) into.push(sample.beforeExecution);
      return sample.total;
    };
    const samples = await alternate(rounds, warmUp, run(cached, before.cached), run(uncached, before.uncached));
    results.push({
      operation,
      beforeExecution: { cached: median(before.cached), uncached: median(before.uncached) },
      total: { cached: median(samples.measured), uncached: median(samples.baseline) },
    });
  }
  return results;
}

/** A result as JSON without its cursors: each read seals them afresh (a random nonce each time), so the same page never has the same cursor twice. */
const withoutCursors = (data: unknown): string => JSON.stringify(data, (key, value: unknown) => (key === 'cursor' || key === 'startCursor' || key === 'endCursor' ? undefined : value));

/** Automatic persisted queries through the real handler: unknown hash, register with the query, then the hash alone. */
export async function checkPersistedQueries(handler: LambdaHandler, operation: BenchOperation, variables: Record<string, unknown>): Promise<PersistedQueryCheck> {
  const query = `${operation.document}\n# apq ${Date.now()}`;
  const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
  const send = async (body: Record<string, unknown>) => {
    const result = await handler(graphqlEvent(body, operation.claims), lambdaContext());
    return JSON.parse(result.body ?? '{}') as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
  };
  const unknown = await send({ variables, extensions });
  const registered = await send({ query, variables, extensions });
  const hashOnly = await send({ variables, extensions });
  return {
    unknownHashAnswered: unknown.errors?.[0]?.extensions?.code ?? 'no error',
    registeredWithQuery: !!registered.data && !registered.errors,
    hashOnlyAnswered: !!hashOnly.data && !hashOnly.errors,
    sameData: withoutCursors(hashOnly.data) === withoutCursors(registered.data),
    bodyBytes: { full: JSON.stringify({ query, variables, extensions }).length, hashOnly: JSON.stringify({ variables, extensions }).length },
  };
}
