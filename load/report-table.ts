import type { LoadResult } from './run-load';

const row = (label: string, value: string) => `${label.padEnd(26)}${value}`;

/** The load's result as a table for the terminal and the README. */
export function reportTable(result: LoadResult): string {
  const { check } = result;
  const mix = Object.entries(result.sent)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
  return [
    row('load', `${result.options.connections} connections × ${result.options.durationSeconds} s, 127.0.0.1`),
    row('requests', `${result.requests} (${result.requestsPerSecond.toFixed(1)} req/s)`),
    row('latency', `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, max ${result.latencyMs.max} ms`),
    row('mix', mix),
    row('non-2xx', String(result.non2xx)),
    row('connection errors', `${result.socketErrors} (timeouts ${result.timeouts})`),
    row('GraphQL errors', String(result.graphqlErrors)),
    row('conflicts (lost races)', String(result.conflicts)),
    row('reports', `acknowledged ${check.reportsAcknowledged}, found ${check.reportsFound}`),
    row('steps', `acknowledged ${check.stepsAcknowledged}, found ${check.stepsFound}`),
    row('issues checked', `${check.issuesInStore}, histories not matching ${check.inconsistentIssues}`),
    ...result.samples.map((sample) => row('  sample', sample)),
    row('result', result.failures.length === 0 ? 'PASS' : `FAIL: ${result.failures.join('; ')}`),
  ].join('\n');
}
