import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/**
 * Runs in a fresh `node` process (bench/cold-start.ts bundles it and starts it once per sample):
 * loads a Lambda bundle, sends it one API Gateway event, and prints one line
 * `COLD {"loadMs":…,"firstMs":…,"totalMs":…,"processMs":…,"cpuMs":…,"status":…}`. `processMs` counts from the
 * process's own start (node boot included); `cpuMs` is the process's CPU time (user + system) from the require to the answer, which other
 * processes on a busy machine disturb far less than wall time; the others from the moment the bundle is required.
 * Usage: node probe.js <bundle/index.js> <event.json>
 */
type Handler = (event: unknown, context: unknown) => Promise<{ statusCode?: number; body?: string }>;

async function main(): Promise<void> {
  const [bundle, eventFile] = process.argv.slice(2);
  if (!bundle || !eventFile) throw new Error('usage: probe.js <bundle> <event.json>');
  const event = JSON.parse(readFileSync(eventFile, 'utf8')) as unknown;
  const context = {
    awsRequestId: 'cold-probe',
    functionName: 'api',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:local:000000000000:function:api',
    memoryLimitInMB: '512',
    logGroupName: '/aws/lambda/api',
    logStreamName: 'cold',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 10_000,
  };
  const cpuAtStart = process.cpuUsage();
  const started = performance.now();
  const { handler } = require(bundle) as { handler: Handler };
  const loaded = performance.now();
  const result = await handler(event, context);
  const answered = performance.now();
  const cpu = process.cpuUsage(cpuAtStart);
  const body = JSON.parse(result.body ?? '{}') as { errors?: unknown[] };
  const line = {
    loadMs: loaded - started,
    firstMs: answered - loaded,
    totalMs: answered - started,
    processMs: answered,
    cpuMs: (cpu.user + cpu.system) / 1000,
    status: result.statusCode ?? 200,
    errors: body.errors?.length ?? 0,
  };
  process.stdout.write(`\nCOLD ${JSON.stringify(line)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`cold probe failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
