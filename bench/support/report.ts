import { COLD_BARS, type ColdEntry, type ColdStartResult } from '../cold-start';
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

/** The API bundle's budget in bytes (test/infra/api-bundle-asset.test.ts; the table's KB are 1 024 bytes). */
const BUNDLE_BAR_BYTES = 860_000;
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

/** The cold-start section: the two bars (staff over the framework-free floor, public over staff) and the floors they stand on, one run. */
export function coldRows(cold: ColdStartResult): string[] {
  const { staff, frameworkFree, sdkOnly, publicApi, publicFrameworkFree } = cold;
  const jointBar = COLD_BARS.publicOverStaff * COLD_BARS.staffOverFrameworkFree;
  const timing = (entry: ColdEntry) => `${ms(entry.totalMs)}: load ${ms(entry.loadMs)} + first request ${ms(entry.firstMs)} (${ms(entry.processMs)} from process start; CPU ${ms(entry.cpuMs)})`;
  const brief = (entry: ColdEntry) => `${ms(entry.totalMs)} (${ms(entry.loadMs)} + ${ms(entry.firstMs)}; CPU ${ms(entry.cpuMs)})`;
  const cpuRatio = (entry: ColdEntry, baseline: ColdEntry) => `; CPU ${ratio(entry.cpuMs, baseline.cpuMs)}`;
  const staffRatio = staff.totalMs / frameworkFree.totalMs;
  const publicRatio = publicApi.totalMs / staff.totalMs;
  return [
    row(['deploy bundle of the staff API, minified', kb(staff.bundle.bytes), `framework-free floor: ${kb(frameworkFree.bundle.bytes)}`, ratio(staff.bundle.bytes, frameworkFree.bundle.bytes), `≤ ${BUNDLE_BAR_BYTES} B`, verdict(staff.bundle.bytes <= BUNDLE_BAR_BYTES)]),
    row(['deploy bundle of the public function, minified', kb(publicApi.bundle.bytes), `the staff API: ${kb(staff.bundle.bytes)}`, ratio(publicApi.bundle.bytes, staff.bundle.bytes), '< staff (jest: test/infra/public-bundle.test.ts)', verdict(publicApi.bundle.bytes < staff.bundle.bytes)]),
    row([`cold start, ${staff.label} (n=${cold.runs})`, timing(staff), `${frameworkFree.label}: ${brief(frameworkFree)}`, ratio(staff.totalMs, frameworkFree.totalMs) + cpuRatio(staff, frameworkFree), `≤ ${COLD_BARS.staffOverFrameworkFree}×`, verdict(staffRatio <= COLD_BARS.staffOverFrameworkFree)]),
    row([`cold start, ${publicApi.label} (n=${cold.runs})`, timing(publicApi), `the staff API: ${brief(staff)}`, ratio(publicApi.totalMs, staff.totalMs) + cpuRatio(publicApi, staff), `≤ ${COLD_BARS.publicOverStaff}×`, verdict(publicRatio <= COLD_BARS.publicOverStaff)]),
    row([`cold start floor: ${sdkOnly.label} (n=${cold.runs})`, timing(sdkOnly), `the staff API: ${brief(staff)}`, ratio(sdkOnly.totalMs, staff.totalMs) + cpuRatio(sdkOnly, staff), '—', 'bounds every function of this API']),
    row([
      `cold start floor: ${publicFrameworkFree.label} (n=${cold.runs})`,
      timing(publicFrameworkFree),
      `${frameworkFree.label}: ${brief(frameworkFree)}`,
      ratio(publicFrameworkFree.totalMs, frameworkFree.totalMs) + cpuRatio(publicFrameworkFree, frameworkFree),
      `≤ ${jointBar.toFixed(2)}× for both bars to be reachable`,
      verdict(publicFrameworkFree.totalMs / frameworkFree.totalMs <= jointBar),
    ]),
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
    ['adapterIn', 'adapter in + context'], ['parse', 'parse'], ['validate', 'validate'], ['otherBeforeExecution', 'cache, operation, officer check'],
    ['resolvers', 'execute (CPU)'], ['store', 'store (in flight)'], ['afterExecution', 'audit + error format'], ['serializeAndAdapterOut', 'log, metrics, serialize'], ['total', 'total'],
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
    ...cold.staff.bundle.byPackage.slice(0, 12).map(([name, bytes]) => row([name, kb(bytes)])),
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
