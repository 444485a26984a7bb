import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bundle } from './bundle';

/**
 * Node 22's compile cache (`NODE_COMPILE_CACHE`, the same cache `module.enableCompileCache`
 * turns on) on the API bundle: the time to require it (load and compile, no request) in a fresh
 * `node` per sample, without a cache and with one built beforehand, as a build step would, in
 * alternating order. Usage: npx tsx bench/cold/compile-cache.ts [samples]. Prints medians;
 * a shared machine's figures are noisy, compare only within one run.
 */
const samples = Number(process.argv[2] ?? 15);
const buildDir = join(__dirname, '..', '..', '.build', 'compile-cache');
const cacheDir = join(buildDir, 'cache');

const environment = { ...process.env, TABLE_NAME: 'bench', DYNAMODB_ENDPOINT: 'http://127.0.0.1:1', AWS_REGION: 'local', POWERTOOLS_LOG_LEVEL: 'SILENT' };
const PROBE = `const { performance } = require('node:perf_hooks'); const t = performance.now(); require(process.argv[1]); process.stdout.write(String(performance.now() - t));`;

function requireMs(file: string, cache: boolean): number {
  const env = { ...environment, ...(cache ? { NODE_COMPILE_CACHE: cacheDir } : {}) };
  if (!cache) delete env.NODE_COMPILE_CACHE;
  return Number(execFileSync(process.execPath, ['-e', PROBE, file], { env, encoding: 'utf8' }));
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  rmSync(buildDir, { recursive: true, force: true });
  mkdirSync(buildDir, { recursive: true });
  const { file, bytes } = await bundle(join(__dirname, '..', '..', 'functions', 'api', 'handler.ts'), join(buildDir, 'api'));
  requireMs(file, true); // builds the cache, as a bundling step would
  const without: number[] = [];
  const withCache: number[] = [];
  for (let round = 0; round < samples; round += 1) {
    if (round % 2 === 0) {
      without.push(requireMs(file, false));
      withCache.push(requireMs(file, true));
    } else {
      withCache.push(requireMs(file, true));
      without.push(requireMs(file, false));
    }
  }
  process.stdout.write(`node ${process.version}, bundle ${bytes} B, ${samples} samples each\n`);
  process.stdout.write(`require without cache: median ${median(without).toFixed(1)} ms\n`);
  process.stdout.write(`require with cache:    median ${median(withCache).toFixed(1)} ms (${(median(withCache) / median(without)).toFixed(2)}×)\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
