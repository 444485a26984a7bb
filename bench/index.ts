import './support/graphql-text';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type * as HandlerModule from '../functions/api/handler';
import { createServices } from '../functions/app/services';
import { benchColdStart, PUBLIC_LOOKUP } from './cold-start';
import { benchDocumentCache, checkPersistedQueries } from './document-cache';
import { dutyFigures } from './duty-figures';
import { benchPhases } from './phases';
import { benchReportRoundTrips } from './report-round-trips';
import { benchThroughput } from './throughput';
import { benchWarmRequest, type WarmResult } from './warm-request';
import { createDirectExecutor } from './support/direct-executor';
import { BENCH_REGION, BENCH_TABLE, startBenchTable } from './support/local-table';
import { OPERATIONS } from './support/operations';
import type { LambdaHandler } from './support/replica-handler';
import { renderResults } from './support/report';
import { seedBenchData } from './support/seed';
import { installStoreRecorder } from './support/store-recorder';
import { createWorkload } from './support/workload';

/**
 * `npm run bench`: every performance figure (docs/performance.md) beside its baseline, in one run, printed and written
 * to bench/results.md. `--quick` runs a few rounds of each (to try the bench, not to quote it).
 * It starts and stops its own DynamoDB Local and local server, on loopback only.
 */
const quick = process.argv.includes('--quick');
const scale = (full: number, small: number) => (quick ? small : full);
const BUILD_DIR = join(__dirname, '..', '.build', 'bench');

const log = (line: string) => process.stderr.write(`[bench ${(performance.now() / 1000).toFixed(0)} s] ${line}\n`);

async function main(): Promise<void> {
  const startedAt = new Date();
  // As deployed (introspection off); logs and EMF metrics off, as on the local server.
  Object.assign(process.env, { NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' });
  installStoreRecorder();
  const table = await startBenchTable();
  try {
    Object.assign(process.env, { TABLE_NAME: BENCH_TABLE, DYNAMODB_ENDPOINT: table.dynamo.endpoint, AWS_REGION: BENCH_REGION });
    const api = createDirectExecutor(table.store);
    log('seeding Dingnan, a 300-station district, issues, sessions and compliance reports');
    const seeded = await seedBenchData(table.store, api, { issues: scale(300, 40) });
    // Loaded only now: the handler reads its environment when its module loads.
    const { handler } = require('../functions/api/handler') as typeof HandlerModule;
    const lambda = handler as unknown as LambdaHandler;
    const workload = createWorkload(seeded);

    const warm: WarmResult[] = [];
    const plan = [
      // p99 is the 1 % tail: a thousand rounds put ten samples in it, a few hundred only three.
      [OPERATIONS.dashboard, scale(1000, 10)],
      // The same dashboard with an officer's token: what the active-officer check costs.
      [OPERATIONS.dashboardAsOfficer, scale(1000, 10)],
      [OPERATIONS.issuesPage, scale(1000, 10)],
      // Every transition starts an issue a reportIssue round reported: equal rounds.
      [OPERATIONS.reportIssue, scale(600, 10)],
      [OPERATIONS.transition, scale(600, 10)],
      [OPERATIONS.complianceReport, scale(300, 5)],
    ] as const;
    for (const [operation, rounds] of plan) {
      log(`warm requests: ${operation.label}, ${rounds} rounds each side`);
      warm.push(await benchWarmRequest(lambda, api, workload, operation, rounds, scale(20, 2)));
    }

    log('reportIssue: the old sequence beside today\'s');
    const reportRoundTrips = await benchReportRoundTrips(table.store, workload, scale(300, 10), scale(20, 2));

    const services = createServices(table.store);
    log('per-phase breakdown');
    const phases = await benchPhases(services, workload, plan.map(([operation]) => operation), scale(60, 5));
    log('document cache and persisted queries');
    const documentCache = await benchDocumentCache(services, workload, [OPERATIONS.dashboard, OPERATIONS.issuesPage], scale(80, 5));
    const persistedQueries = await checkPersistedQueries(lambda, OPERATIONS.issuesPage, {});

    log('cold start: bundles and fresh processes');
    const cold = await benchColdStart({
      buildDir: join(BUILD_DIR, 'cold'),
      environment: { TABLE_NAME: BENCH_TABLE, DYNAMODB_ENDPOINT: table.dynamo.endpoint, AWS_REGION: BENCH_REGION, NODE_ENV: 'production' },
      operation: OPERATIONS.dashboard,
      variables: workload.variables(OPERATIONS.dashboard, 0),
      publicQuery: { document: PUBLIC_LOOKUP, variables: { code: seeded.dingnan.stations[0]!.serviceCode } },
      runs: scale(11, 2),
    });
    await table.stop();

    log('throughput: local server under autocannon, then the same reads straight to DynamoDB Local');
    const throughput = await benchThroughput({ dataDir: join(BUILD_DIR, 'throughput'), connections: 50, seconds: scale(20, 4), slices: scale(4, 2), warmUpSeconds: scale(3, 1) });
    log('duty: bench/duty.ts');
    const duty = await dutyFigures();

    const markdown = renderResults({
      startedAt,
      seconds: (Date.now() - startedAt.getTime()) / 1000,
      machine: `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, Node.js ${process.version}${quick ? ', --quick' : ''}`,
      warm,
      phases,
      reportRoundTrips,
      documentCache,
      persistedQueries,
      cold,
      throughput,
      duty,
    });
    process.stdout.write(`${markdown}\n`);
    // A quick run is a smoke test: it never replaces the quoted results.
    await writeFile(quick ? join(BUILD_DIR, 'results-quick.md') : join(__dirname, 'results.md'), markdown);
  } finally {
    await table.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
