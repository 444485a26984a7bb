import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { graphqlEvent } from '../test/support/graphql-handler';
import { bundle, deployedSettings, REPOSITORY, type BuiltBundle, type BundleVariant } from './cold/bundle';
import { projectedSettings } from './cold/projected-changes';
import type { BenchOperation } from './support/operations';
import { median } from './support/stats';

const run = promisify(execFile);

interface ColdSample {
  loadMs: number;
  firstMs: number;
  totalMs: number;
  processMs: number;
  status: number;
  errors: number;
}

export interface ColdPair {
  label: string;
  ours: BuiltBundle;
  apollo3: BuiltBundle;
  sourceMaps: boolean;
  /** Medians: require of the bundle → first answer; and from the process's start. */
  oursMs: number;
  apollo3Ms: number;
  oursProcessMs: number;
  apollo3ProcessMs: number;
  /** Medians of the two parts: require (module init included) and the first request. */
  split: { ours: { loadMs: number; firstMs: number }; apollo3: { loadMs: number; firstMs: number } };
}

export interface ColdStartResult {
  pairs: ColdPair[];
  runs: number;
}

export interface ColdStartOptions {
  buildDir: string;
  environment: Record<string, string>;
  operation: BenchOperation;
  variables: Record<string, unknown>;
  runs: number;
}

/** One fresh `node` process: load the bundle, answer one request (bench/cold/probe.ts). */
async function probe(probeFile: string, bundleFile: string, eventFile: string, environment: Record<string, string>, sourceMaps: boolean): Promise<ColdSample> {
  const { stdout } = await run(process.execPath, [probeFile, bundleFile, eventFile], {
    env: { PATH: process.env.PATH ?? '', ...environment, ...(sourceMaps ? { NODE_OPTIONS: '--enable-source-maps' } : {}) },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('COLD '));
  if (!line) throw new Error(`cold probe printed no result for ${bundleFile}`);
  const sample = JSON.parse(line.slice(5)) as ColdSample;
  if (sample.status !== 200 || sample.errors) throw new Error(`cold probe of ${bundleFile}: status ${sample.status}, ${sample.errors} errors`);
  return sample;
}

/**
 * Cold start: the API bundle and the apollo-server-lambda 3 baseline, bundled alike, each loaded
 * `runs` times in fresh processes, all configurations interleaved (the machine's noise hits every
 * configuration alike). Three pairs: as deployed (source maps enabled by NODE_OPTIONS, as the
 * function's environment does), the same bundles without source maps, and the projected bundle
 * of bench/cold/projected-changes.ts.
 */
export async function benchColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const probeFile = join(options.buildDir, 'probe.js');
  await build({ entryPoints: [join(__dirname, 'cold', 'probe.ts')], outfile: probeFile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'error' });
  const eventFile = join(options.buildDir, 'event.json');
  await writeFile(eventFile, JSON.stringify(graphqlEvent({ query: options.operation.document, variables: options.variables }, options.operation.claims)));

  const apiEntry = join(REPOSITORY, 'functions', 'api', 'handler.ts');
  const apollo3Entry = join(__dirname, 'baseline', 'apollo3-handler.ts');
  const both = async (name: string, settings: BundleVariant) => ({
    ours: await bundle(apiEntry, join(options.buildDir, `${name}-ours`), settings),
    apollo3: await bundle(apollo3Entry, join(options.buildDir, `${name}-apollo3`), settings),
  });
  const deployed = await both('deployed', deployedSettings);
  const projected = await both('projected', projectedSettings(REPOSITORY));
  const configurations = [
    { label: 'as deployed (source maps on)', ...deployed, sourceMaps: true },
    { label: 'deployed bundle, source maps off', ...deployed, sourceMaps: false },
    { label: 'projected bundle, source maps off', ...projected, sourceMaps: false },
  ];

  const probes = configurations.flatMap((configuration, index) => [
    { index, side: 'ours' as const, file: configuration.ours.file, sourceMaps: configuration.sourceMaps },
    { index, side: 'apollo3' as const, file: configuration.apollo3.file, sourceMaps: configuration.sourceMaps },
  ]);
  const samples = probes.map(() => [] as ColdSample[]);
  for (let round = 0; round < options.runs; round += 1) {
    for (let step = 0; step < probes.length; step += 1) {
      const position = (step + round) % probes.length;
      const target = probes[position]!;
      samples[position]!.push(await probe(probeFile, target.file, eventFile, options.environment, target.sourceMaps));
    }
  }
  const medianOf = (index: number, side: 'ours' | 'apollo3', field: 'loadMs' | 'firstMs' | 'totalMs' | 'processMs') =>
    median(samples[probes.findIndex((candidate) => candidate.index === index && candidate.side === side)]!.map((sample) => sample[field]));
  return {
    runs: options.runs,
    pairs: configurations.map((configuration, index) => ({
      ...configuration,
      oursMs: medianOf(index, 'ours', 'totalMs'),
      apollo3Ms: medianOf(index, 'apollo3', 'totalMs'),
      oursProcessMs: medianOf(index, 'ours', 'processMs'),
      apollo3ProcessMs: medianOf(index, 'apollo3', 'processMs'),
      split: {
        ours: { loadMs: medianOf(index, 'ours', 'loadMs'), firstMs: medianOf(index, 'ours', 'firstMs') },
        apollo3: { loadMs: medianOf(index, 'apollo3', 'loadMs'), firstMs: medianOf(index, 'apollo3', 'firstMs') },
      },
    })),
  };
}
