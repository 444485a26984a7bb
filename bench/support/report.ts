import type { ColdStartResult } from '../cold-start';
import type { DocumentCacheResult, PersistedQueryCheck } from '../document-cache';
import type { DutyFigure } from '../duty-figures';
import type { PhaseBreakdown } from '../phases';
import type { ThroughputResult } from '../throughput';
import { roundTripsOf, type WarmResult } from '../warm-request';
import { median, ms, p99, ratio } from './stats';

export interface BenchResults {
  startedAt: Date;
  seconds: number;
  machine: string;
  warm: WarmResult[];
  phases: PhaseBreakdown[];
  documentCache: DocumentCacheResult[];
  persistedQueries: PersistedQueryCheck;
  cold: ColdStartResult;
  throughput: ThroughputResult;
  duty: DutyFigure[];
}

const BUNDLE_BAR_BYTES = 1024 * 1024;
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
      `${trips.handler} sequential (${result.handlerRequests.length} requests; execute: ${trips.execute})`,
      `${result.operation.levels} (${result.operation.levelsExplained})`,
      '—',
      '= baseline',
      verdict(trips.handler <= result.operation.levels && trips.execute <= result.operation.levels),
    ]);
  });
  const scans = warm.flatMap((result) => [...result.handlerRequests, ...result.executeRequests]).filter((request) => request.command === 'ScanCommand').length;
  rows.push(row(['Scan in a request path', `${scans} Scan commands above`, '0', '—', '0 (jest: test/integration/perf/no-scan.test.ts)', verdict(scans === 0)]));
  return rows;
}

function coldRows(cold: ColdStartResult): string[] {
  const [deployed] = cold.pairs;
  const rows = [row(['deploy bundle of the API, minified', kb(deployed!.ours.bytes), `apollo-server-lambda 3: ${kb(deployed!.apollo3.bytes)}`, ratio(deployed!.ours.bytes, deployed!.apollo3.bytes), '≤ 1 MB', verdict(deployed!.ours.bytes <= BUNDLE_BAR_BYTES)])];
  const projected = cold.pairs.at(-1)!;
  rows.push(row(['projected bundle (docs/performance.md)', kb(projected.ours.bytes), `apollo-server-lambda 3: ${kb(projected.apollo3.bytes)}`, ratio(projected.ours.bytes, projected.apollo3.bytes), '≤ 1 MB', verdict(projected.ours.bytes <= BUNDLE_BAR_BYTES)]));
  for (const pair of cold.pairs) {
    rows.push(row([
      `cold start, ${pair.label} (n=${cold.runs})`,
      `${ms(pair.oursMs)}: load ${ms(pair.split.ours.loadMs)} + first request ${ms(pair.split.ours.firstMs)} (${ms(pair.oursProcessMs)} from process start)`,
      `${ms(pair.apollo3Ms)}: ${ms(pair.split.apollo3.loadMs)} + ${ms(pair.split.apollo3.firstMs)} (${ms(pair.apollo3ProcessMs)})`,
      ratio(pair.oursMs, pair.apollo3Ms),
      '≤ 0.5×',
      verdict(pair.oursMs / pair.apollo3Ms <= 0.5),
    ]));
  }
  return rows;
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
  const deployed = cold.pairs[0]!.ours.byPackage.slice(0, 12);
  const projected = new Map(cold.pairs.at(-1)!.ours.byPackage);
  return [
    row(['package in the API bundle', 'deployed', 'projected']),
    row(['---', '---:', '---:']),
    ...deployed.map(([name, bytes]) => row([name, kb(bytes), projected.has(name) ? kb(projected.get(name)!) : '—'])),
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
    ...coldRows(results.cold),
    ...documentCacheRows(results.documentCache, results.persistedQueries),
    throughputRow(results.throughput),
    ...dutyRows(results.duty),
    '',
    '## Where a warm request\'s time goes',
    '',
    ...phaseTable(results.phases),
    '',
    '## What the API bundle carries',
    '',
    ...bundleTable(results.cold),
    '',
  ].join('\n');
}
