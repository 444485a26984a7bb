import { parseLoadArgs } from './load-args';
import { startLoadTarget } from './load-target';
import { reportTable } from './report-table';
import { runLoad, type LoadOptions } from './run-load';

/**
 * `npm run load [-- --duration 60 --connections 50]`: starts the local stack in this process on
 * a free loopback port, loads it with autocannon, checks the store, prints a table and exits 1
 * on any failure (2 on bad flags).
 */
async function main(): Promise<void> {
  let options: LoadOptions;
  try {
    options = parseLoadArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}; usage: npm run load [-- --duration <s> --connections <n>]\n`);
    process.exit(2);
  }
  process.stderr.write('starting the local stack…\n');
  const target = await startLoadTarget();
  try {
    process.stderr.write(`loading ${target.origin} with ${options.connections} connections for ${options.durationSeconds} s…\n`);
    const { result } = await runLoad(target, options);
    process.stdout.write(`${reportTable(result)}\n`);
    process.exitCode = result.failures.length === 0 ? 0 : 1;
  } finally {
    await target.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
