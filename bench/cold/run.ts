import '../support/graphql-text';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchColdStart, PUBLIC_LOOKUP } from '../cold-start';
import { createDirectExecutor } from '../support/direct-executor';
import { BENCH_REGION, BENCH_TABLE, startBenchTable } from '../support/local-table';
import { OPERATIONS } from '../support/operations';
import { coldRows } from '../support/report';
import { seedBenchData } from '../support/seed';
import { createWorkload } from '../support/workload';

/**
 * `npm run bench:cold [samples]`: the cold-start section of `npm run bench` alone (the staff API,
 * the framework-free floor, the AWS SDK alone and the public function, interleaved, in one run),
 * printed as the rows bench/results.md carries. It starts and stops its own DynamoDB Local.
 */
const runs = Number(process.argv[2] ?? 11);
const log = (line: string) => process.stderr.write(`[bench:cold ${(performance.now() / 1000).toFixed(0)} s] ${line}\n`);

async function main(): Promise<void> {
  Object.assign(process.env, { NODE_ENV: 'production', POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' });
  const table = await startBenchTable();
  try {
    Object.assign(process.env, { TABLE_NAME: BENCH_TABLE, DYNAMODB_ENDPOINT: table.dynamo.endpoint, AWS_REGION: BENCH_REGION });
    log('seeding');
    const seeded = await seedBenchData(table.store, createDirectExecutor(table.store), { issues: 20 });
    const workload = createWorkload(seeded);
    log(`${runs} fresh processes per handler`);
    const cold = await benchColdStart({
      buildDir: join(__dirname, '..', '..', '.build', 'bench', 'cold-only'),
      environment: { TABLE_NAME: BENCH_TABLE, DYNAMODB_ENDPOINT: table.dynamo.endpoint, AWS_REGION: BENCH_REGION, NODE_ENV: 'production' },
      operation: OPERATIONS.dashboard,
      variables: workload.variables(OPERATIONS.dashboard, 0),
      publicQuery: { document: PUBLIC_LOOKUP, variables: { code: seeded.dingnan.stations[0]!.serviceCode } },
      runs,
    });
    process.stdout.write(`${coldRows(cold).join('\n')}\n`);
  } finally {
    await table.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:cold failed: ${String(error instanceof Error ? error.stack : error)}\n`);
    process.exit(1);
  },
);
