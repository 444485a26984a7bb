import autocannon from 'autocannon';
import type { Ledger } from './ledger';
import { DISTRICT, type LoadTarget } from './load-target';
import { requestMix } from './request-mix';
import { verifyStore, type StoreCheck } from './verify-store';

export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  /**
   * Stop after this many requests instead of after `durationSeconds`: a run that does the same
   * work however slow the machine is (the e2e test; a busy CI machine may serve a few requests a second).
   */
  requests?: number;
  /** Seconds to wait for one answer before counting a timeout; default 10 (API Gateway gives up at 29 s). */
  timeoutSeconds?: number;
}

/** Everything the load measured and checked; `failures` is empty when it passed. */
export interface LoadResult {
  options: LoadOptions;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  sent: Record<string, number>;
  non2xx: number;
  socketErrors: number;
  timeouts: number;
  graphqlErrors: number;
  conflicts: number;
  check: StoreCheck;
  samples: string[];
  failures: string[];
}


/** Runs the mix against the target with autocannon, then checks the store against what was acknowledged. */
export async function runLoad(target: LoadTarget, options: LoadOptions): Promise<{ result: LoadResult; ledger: Ledger }> {
  const mix = requestMix(target);
  const run = await autocannon({
    url: `${target.origin}/graphql`,
    connections: options.connections,
    ...(options.requests ? { amount: options.requests } : { duration: options.durationSeconds }),
    timeout: options.timeoutSeconds ?? 10,
    requests: mix.requests,
  });
  const check = await verifyStore(target.store, DISTRICT, mix.ledger);
  const result: LoadResult = {
    options,
    requests: run.requests.total,
    requestsPerSecond: run.requests.average,
    latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
    sent: mix.tally.sent,
    non2xx: run.non2xx,
    socketErrors: run.errors - run.timeouts,
    timeouts: run.timeouts,
    graphqlErrors: mix.tally.errors,
    conflicts: mix.tally.conflicts,
    check,
    samples: [...mix.tally.samples, ...check.problems],
    failures: [],
  };
  result.failures = failuresOf(result);
  return { result, ledger: mix.ledger };
}

/** The bar: no error of any kind but steps that lost a race, no lost write, every history consistent. */
export function failuresOf(result: Omit<LoadResult, 'failures'>): string[] {
  const { check } = result;
  return [
    result.non2xx > 0 && `${result.non2xx} non-2xx answers`,
    result.socketErrors > 0 && `${result.socketErrors} connection errors`,
    result.timeouts > 0 && `${result.timeouts} timeouts`,
    result.graphqlErrors > 0 && `${result.graphqlErrors} GraphQL errors`,
    check.reportsFound < check.reportsAcknowledged && `${check.reportsAcknowledged - check.reportsFound} acknowledged reports lost`,
    check.stepsFound < check.stepsAcknowledged && `${check.stepsAcknowledged - check.stepsFound} acknowledged steps lost`,
    check.inconsistentIssues > 0 && `${check.inconsistentIssues} issues whose history does not match their state`,
    (check.reportsAcknowledged === 0 || check.stepsAcknowledged === 0) && 'nothing was written: the load did not run',
  ].filter((failure): failure is string => typeof failure === 'string');
}
