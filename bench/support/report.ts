import type { ColdEntry, ColdStartResult } from '../cold-start';
import type { DocumentCacheResult, PersistedQueryCheck } from '../document-cache';
import type { DutyFigure } from '../duty-figures';
import type { PhaseBreakdown } from '../phases';
import { reportRoundTripRow, reportRoundTripTable, type ReportRoundTripsResult } from '../report-round-trips';
import type { ThroughputResult } from '../throughput';
import { roundTripsOf, type WarmResult } from '../warm-request';
import { median, ms, p99, ratio } from './stats';

export interface BenchResults {
  startedAt: Date;
  seconds: number;
  machine: string;
  warm: WarmResult[];
  phases: PhaseBreakdown[];
  reportRoundTrips: ReportRoundTripsResult;
  documentCache: DocumentCacheResult[];
  persistedQueries: PersistedQueryCheck;
  cold: ColdStartResult;
  throughput: ThroughputResult;
  duty: DutyFigure[];
}

/** 1 MB as the bar reads it, in bytes (the table's KB are 1 024 bytes). */
const BUNDLE_BAR_BYTES = 1_000_000;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const verdict = (met: boolean) => (met ? 'met' : '**not met**');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

function warmRows(warm: WarmResult[]): string[] {
  return warm.map(({ operation, samples }) => {
    const [hm, hp, em, ep] = [median(samples.measured), p99(samples.measured), median(samples.baseline), p99(samples.baseline)];
    return row([
      `warm: ${operation.label} (n=${samples.measured.length})`,
      `handler ${ms(hm)} / p99 ${ms(hp)}`,
      `execute ${ms(em)} / p99 ${ms(ep)}`,
      `${ratio(hm, em)} / p99 ${ratio(hp, ep)}`,
      '≤ 1.3× (median and p99)',
      verdict(hm / em <= 1.3 && hp / ep <= 1.3),
    ]);
  });
}

function roundTripRows(warm: WarmResult[]): string[] {
  const rows = warm.map((result) => {
    const trips = roundTripsOf(result);
    return row([
      `store round trips: ${result.operation.label}`,
      `${trips.handler} sequential (${result.handlerRequests[0]!.length} requests; execute: ${trips.execute})`,
      `${result.operation.levels} (${result.operation.levelsExplained})`,
      '—',
      '= baseline',
      verdict(trips.handler <= result.operation.levels && trips.execute <= result.operation.levels),
    ]);
  });
  const scans = warm.flatMap((result) => [...result.handlerRequests, ...result.executeRequests].flat()).filter((request) => request.command === 'ScanCommand').length;
  rows.push(row(['Scan in a request path', `${scans} Scan commands in the recorded calls`, '0', '—', '0 (jest: test/integration/perf/no-scan.test.ts)', verdict(scans === 0)]));
  return rows;
}

function coldRows(cold: ColdStartResult): string[] {
  const { ours, apollo3 } = cold;
  const timing = (entry: ColdEntry) => `${ms(entry.totalMs)}: load ${ms(entry.loadMs)} + first request ${ms(entry.firstMs)} (${ms(entry.processMs)} from process start)`;
  const baseline = `apollo-server-lambda 3: ${ms(apollo3.totalMs)} (${ms(apollo3.loadMs)} + ${ms(apollo3.firstMs)})`;
  return [
    row(['deploy bundle of the API, minified', kb(ours.bundle.bytes), `apollo-server-lambda 3: ${kb(apollo3.bundle.bytes)}`, ratio(ours.bundle.bytes, apollo3.bundle.bytes), '≤ 1 MB', verdict(ours.bundle.bytes <= BUNDLE_BAR_BYTES)]),
    row([`cold start, ${ours.label} (n=${cold.runs})`, timing(ours), baseline, ratio(ours.totalMs, apollo3.totalMs), '≤ 0.5×', verdict(ours.totalMs / apollo3.totalMs <= 0.5)]),
    ...cold.floors.map((floor) => row([`cold start floor: ${floor.label}`, timing(floor), baseline, ratio(floor.totalMs, apollo3.totalMs), '—', 'bounds every handler of this schema'])),
    row(['deploy bundle of the public function, minified', kb(cold.publicApi.bundle.bytes), `the staff API: ${kb(ours.bundle.bytes)}`, ratio(cold.publicApi.bundle.bytes, ours.bundle.bytes), '—', 'its own function and concurrency']),
    row([`cold start, ${cold.publicApi.label} (n=${cold.runs})`, timing(cold.publicApi), `the staff API: ${ms(ours.totalMs)}`, ratio(cold.publicApi.totalMs, ours.totalMs), '—', 'anonymous stationByServiceCode']),
  ];
}

function documentCacheRows(results: DocumentCacheResult[], apq: PersistedQueryCheck): string[] {
  const rows = results.map((result) => row([
    `parse/validate: ${result.operation.label}, repeated`,
    `cache on: ${ms(result.beforeExecution.cached)} before execution, ${ms(result.total.cached)} total`,
    `cache off: ${ms(result.beforeExecution.uncached)}, ${ms(result.total.uncached)}`,
    `${ratio(result.beforeExecution.cached, result.beforeExecution.uncached)} before execution; saves ${ms(result.total.uncached - result.total.cached)} a request`,
    'cache on, report the gain',
    verdict(result.beforeExecution.cached < result.beforeExecution.uncached),
  ]));
  const works = apq.unknownHashAnswered === 'PERSISTED_QUERY_NOT_FOUND' && apq.registeredWithQuery && apq.hashOnlyAnswered && apq.sameData;
  rows.push(row([
    'automatic persisted queries (real handler)',
    `unknown hash → ${apq.unknownHashAnswered}; with query → ${apq.registeredWithQuery ? 'data' : 'error'}; hash only → ${apq.hashOnlyAnswered && apq.sameData ? 'same data' : 'error'}`,
    `body ${apq.bodyBytes.full} B with the query`,
    `${apq.bodyBytes.hashOnly} B hash only`,
    'supported',
    verdict(works),
  ]));
  return rows;
}

function throughputRow(result: ThroughputResult): string {
  const { http, store } = result;
  return row([
    `throughput, read mix (${result.connections} connections, ${result.seconds} s)`,
    `HTTP ${http.opsPerSecond.toFixed(0)} req/s, p99 ${ms(http.p99LatencyMs)}, ${http.errors} HTTP errors, ${http.graphqlErrors} GraphQL errors`,
    `store ${store.opsPerSecond.toFixed(0)} ops/s, p99 ${ms(store.p99LatencyMs)}, ${store.errors} errors`,
    ratio(http.opsPerSecond, store.opsPerSecond),
    '≥ 0.5×, 0 errors',
    verdict(http.opsPerSecond / store.opsPerSecond >= 0.5 && http.errors + http.graphqlErrors === 0),
  ]);
}

function dutyRows(duty: DutyFigure[]): string[] {
  return duty.map((figure) => {
    const limitMs = figure.stations > 1000 ? 20_000 : 2_000;
    const computeMs = figure.planMs + figure.complianceMs;
    return row([
      `duty: ${figure.label} (${figure.stations} stations, ${figure.officers} officers)`,
      `${ms(computeMs)} (plan ${figure.planMs} + compliance ${figure.complianceMs}), ${figure.processMb} MB process`,
      '—',
      '—',
      `< ${limitMs / 1000} s, < 1 GB`,
      verdict(computeMs < limitMs && figure.processMb < 1024),
    ]);
  });
}

function phaseTable(phases: PhaseBreakdown[]): string[] {
  const columns: [keyof Omit<PhaseBreakdown, 'operation'>, string][] = [
    ['adapterIn', 'adapter in + context'], ['parse', 'parse'], ['validate', 'validate'], ['otherBeforeExecution', 'hash, cache, armor'],
    ['resolvers', 'execute (CPU)'], ['store', 'store (in flight)'], ['responsePlugins', 'response plugins'], ['serializeAndAdapterOut', 'serialize + adapter out'], ['total', 'total'],
  ];
  return [
    row(['operation (medians, document cached)', ...columns.map(([, title]) => title)]),
    row(['---', ...columns.map(() => '---:')]),
    ...phases.map((phase) => row([phase.operation.label, ...columns.map(([key]) => ms(phase[key] as number))])),
  ];
}

function bundleTable(cold: ColdStartResult): string[] {
  return [
    row(['package in the API bundle', 'minified']),
    row(['---', '---:']),
    ...cold.ours.bundle.byPackage.slice(0, 12).map(([name, bytes]) => row([name, kb(bytes)])),
  ];
}

/** The table, then the per-phase breakdown and the bundle's largest parts, as Markdown. */
export function renderResults(results: BenchResults): string {
  return [
    `# Benchmark results`,
    '',
    `\`npm run bench\`, ${results.startedAt.toISOString()}, ${results.machine}, ${results.seconds.toFixed(0)} s. Each figure beside its baseline from the same run, run alternately; medians (and p99 where the bar asks).`,
    '',
    row(['what', 'measured', 'baseline (same run)', 'ratio', 'bar', 'verdict']),
    row(['---', '---', '---', '---', '---', '---']),
    ...warmRows(results.warm),
    ...roundTripRows(results.warm),
    reportRoundTripRow(results.reportRoundTrips),
    ...coldRows(results.cold),
    ...documentCacheRows(results.documentCache, results.persistedQueries),
    throughputRow(results.throughput),
    ...dutyRows(results.duty),
    '',
    '## Where a warm request\'s time goes',
    '',
    ...phaseTable(results.phases),
    '',
    '## reportIssue: sequential round trips, the old sequence beside today\'s',
    '',
    ...reportRoundTripTable(results.reportRoundTrips),
    '',
    '## What the API bundle carries',
    '',
    ...bundleTable(results.cold),
    '',
  ].join('\n');
}
