import { performance } from 'node:perf_hooks';
import type { MutationResolvers } from '../functions/api/generated/graphql';
import type { Store } from '../functions/store/client';
import { reportIssueInSequence } from './baseline/report-issue-in-sequence';
import { createDirectExecutor, type DirectExecutor } from './support/direct-executor';
import { OPERATIONS } from './support/operations';
import { alternate, median, ms, p99, ratio, type PairedSamples } from './support/stats';
import { recordStore, roundTrips, type StoreRequest } from './support/store-recorder';
import type { Workload } from './support/workload';

/** reportIssue today beside the sequence it replaced, over the same store, data and inputs. */
export interface ReportRoundTripsResult {
  /** `measured`: today's reportIssue; `baseline`: the old sequence. */
  samples: PairedSamples;
  /** Store commands of each recorded call, per side. */
  newRequests: StoreRequest[][];
  oldRequests: StoreRequest[][];
}

/** Recorded calls per side; the least count is the tightest bound (see bench/warm-request.ts). */
const RECORDED_CALLS = 5;

/** The old sequence behind the API's own resolver shape: no `related` handed to the loaders. */
const oldReportIssue: MutationResolvers['reportIssue'] = async (_parent, args, context) => {
  const reported = await reportIssueInSequence(context.services, context.caller, args, { clientAddress: context.clientAddress });
  context.reportedIssueIds.add(reported.issue.id);
  return reported;
};

async function timedReport(api: DirectExecutor, variables: Record<string, unknown>): Promise<number> {
  const operation = OPERATIONS.reportIssue;
  api.documentOf(operation.document);
  const started = performance.now();
  const result = await api.execute(operation.document, variables, operation.claims);
  const elapsed = performance.now() - started;
  if (result.errors) throw new Error(`reportIssue: ${result.errors.map((error) => error.message).join('; ')}`);
  return elapsed;
}

/**
 * Both through graphql-js `execute` of the same document, with the same schema and resolvers but
 * for reportIssue's own: alternately (ABBA) after a warm-up, each round's inputs the same on both
 * sides (so both meet the same nearby duplicates), then a few recorded calls each, counted with
 * the same recorder as every other round-trip figure. The reports it files are not handed on to
 * the transition figure.
 */
export async function benchReportRoundTrips(store: Store, workload: Workload, rounds: number, warmUp: number): Promise<ReportRoundTripsResult> {
  const today = createDirectExecutor(store);
  const before = createDirectExecutor(store, { mutations: { reportIssue: oldReportIssue } });
  const variables = (round: number) => workload.variables(OPERATIONS.reportIssue, round);
  const samples = await alternate(
    rounds,
    warmUp,
    (round) => timedReport(today, variables(round)),
    (round) => timedReport(before, variables(round)),
  );
  const newRequests: StoreRequest[][] = [];
  const oldRequests: StoreRequest[][] = [];
  for (let call = 0; call < RECORDED_CALLS; call += 1) {
    newRequests.push((await recordStore(() => timedReport(today, variables(call)))).requests);
    oldRequests.push((await recordStore(() => timedReport(before, variables(call)))).requests);
  }
  return { samples, newRequests, oldRequests };
}

/** The least sequential count over the recorded calls, and the requests of the call that had it. */
export function fewestRoundTrips(calls: StoreRequest[][]): { levels: number; requests: number } {
  const counted = calls.map((requests) => ({ levels: roundTrips(requests), requests: requests.length }));
  return counted.reduce((best, call) => (call.levels < best.levels ? call : best));
}

const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

/** The results table's row: today's count against the bar, the old sequence beside it. */
export function reportRoundTripRow(result: ReportRoundTripsResult): string {
  const [today, before] = [fewestRoundTrips(result.newRequests), fewestRoundTrips(result.oldRequests)];
  const { measured, baseline } = result.samples;
  return row([
    `reportIssue round trips, today's beside the old sequence (execute, n=${measured.length})`,
    `${today.levels} sequential (${today.requests} requests), ${ms(median(measured))} / p99 ${ms(p99(measured))}`,
    `old: ${before.levels} sequential (${before.requests} requests), ${ms(median(baseline))} / p99 ${ms(p99(baseline))}`,
    `${ratio(median(measured), median(baseline))} / p99 ${ratio(p99(measured), p99(baseline))}`,
    '≤ 3 sequential',
    today.levels <= 3 ? 'met' : '**not met**',
  ]);
}

/** Its own section: both sequences and the change, per figure. */
export function reportRoundTripTable(result: ReportRoundTripsResult): string[] {
  const [today, before] = [fewestRoundTrips(result.newRequests), fewestRoundTrips(result.oldRequests)];
  const { measured, baseline } = result.samples;
  const signed = (value: number, format: (magnitude: number) => string = ms) => (value > 0 ? `+${format(value)}` : value < 0 ? `−${format(-value)}` : format(0));
  return [
    row(['reportIssue (graphql-js execute, same store, data and inputs)', 'sequential round trips', 'requests', 'warm median', 'warm p99']),
    row(['---', '---:', '---:', '---:', '---:']),
    row(['old: district, policy and grids; the leader; open issues nearby; the write; the payload', String(before.levels), String(before.requests), ms(median(baseline)), ms(p99(baseline))]),
    row(['today: reference reads; the leader beside the duplicate query; the write beside the payload\'s station and the duplicates', String(today.levels), String(today.requests), ms(median(measured)), ms(p99(measured))]),
    row([
      'change',
      signed(today.levels - before.levels, String),
      signed(today.requests - before.requests, String),
      `${signed(median(measured) - median(baseline))} (${ratio(median(measured), median(baseline))})`,
      `${signed(p99(measured) - p99(baseline))} (${ratio(p99(measured), p99(baseline))})`,
    ]),
  ];
}
