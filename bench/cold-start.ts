import { build } from 'esbuild';
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { graphqlEvent } from '../test/support/graphql-handler';
import { bundle, type BuiltBundle } from './cold/bundle';
import type { BenchOperation } from './support/operations';
import { median } from './support/stats';

const run = promisify(execFile);

interface ColdSample {
  loadMs: number;
  firstMs: number;
  totalMs: number;
  processMs: number;
  cpuMs: number;
  status: number;
  errors: number;
}

/** One handler's cold starts: medians of its fresh processes. */
export interface ColdEntry {
  label: string;
  bundle: BuiltBundle;
  /** require of the bundle → first answer. */
  totalMs: number;
  /** The same, counted from the process's start (Node's own boot included). */
  processMs: number;
  /** require (module initialisation included), then the first request. */
  loadMs: number;
  firstMs: number;
  /** CPU time (user + system) of the same span as totalMs: what a busy machine disturbs least. */
  cpuMs: number;
}

/** The five handlers of one run, each measured `runs` times, interleaved. */
export interface ColdStartResult {
  /** The staff API as deployed. */
  staff: ColdEntry;
  /** The same schema, resolvers and services with no framework at all: the staff API's bar is ≤ 1.05× of it. */
  frameworkFree: ColdEntry;
  /** One GetItem with the AWS SDK, no GraphQL: what every function of this API pays. */
  sdkOnly: ColdEntry;
  /** The public function (`/public/graphql`), answering the residents' lookup: its bar is ≤ 0.6× the staff API. */
  publicApi: ColdEntry;
  /**
   * The public schema, resolvers and services with no framework: the least any public function of
   * this schema, store and SDK can take. Both bars at once need it at ≤ 0.6 × 1.05 = 0.63× the
   * staff floor (docs/performance.md).
   */
  publicFrameworkFree: ColdEntry;
  runs: number;
}

/** The public function's first request: a resident's anonymous service-code lookup. */
export const PUBLIC_LOOKUP = 'query Station($code: String!) { stationByServiceCode(code: $code) { name address } }';

/** The bars of the cold-start figures (docs/performance.md). */
export const COLD_BARS = { staffOverFrameworkFree: 1.05, publicOverStaff: 0.6 } as const;

export interface ColdStartOptions {
  buildDir: string;
  environment: Record<string, string>;
  operation: BenchOperation;
  variables: Record<string, unknown>;
  /** An anonymous operation of the public schema, for the public function. */
  publicQuery: { document: string; variables: Record<string, unknown> };
  runs: number;
}

/** One fresh `node` process: load the bundle, answer one request (bench/cold/probe.ts). */
async function probe(probeFile: string, bundleFile: string, eventFile: string, environment: Record<string, string>): Promise<ColdSample> {
  const { stdout } = await run(process.execPath, [probeFile, bundleFile, eventFile], {
    env: { PATH: process.env.PATH ?? '', ...environment },
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout.split('\n').find((candidate) => candidate.startsWith('COLD '));
  if (!line) throw new Error(`cold probe printed no result for ${bundleFile}`);
  const sample = JSON.parse(line.slice(5)) as ColdSample;
  if (sample.status !== 200 || sample.errors) throw new Error(`cold probe of ${bundleFile}: status ${sample.status}, ${sample.errors} errors`);
  return sample;
}

const HANDLERS = [
  { key: 'staff', label: 'the staff API as deployed (functions/api/handler.ts)', entry: join(__dirname, '..', 'functions', 'api', 'handler.ts') },
  { key: 'frameworkFree', label: 'no framework: graphql-js over the same schema and resolvers', entry: join(__dirname, 'baseline', 'graphql-js-handler.ts') },
  { key: 'sdkOnly', label: 'the AWS SDK alone: one GetItem, no GraphQL', entry: join(__dirname, 'baseline', 'aws-sdk-only-handler.ts') },
  { key: 'publicApi', label: 'the public function as deployed (functions/api/public-handler.ts)', entry: join(__dirname, '..', 'functions', 'api', 'public-handler.ts') },
  { key: 'publicFrameworkFree', label: 'no framework: graphql-js over the public schema and resolvers', entry: join(__dirname, 'baseline', 'public-graphql-js-handler.ts') },
] as const;

/**
 * Cold start: each handler bundled exactly as the API deploys (same esbuild settings and
 * externals, no source-map parsing, as the function's environment), then loaded `runs` times in
 * fresh processes, all handlers interleaved so the machine's noise hits them alike.
 */
export async function benchColdStart(options: ColdStartOptions): Promise<ColdStartResult> {
  const probeFile = join(options.buildDir, 'probe.js');
  await build({ entryPoints: [join(__dirname, 'cold', 'probe.ts')], outfile: probeFile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'error' });
  const eventFile = join(options.buildDir, 'event.json');
  await writeFile(eventFile, JSON.stringify(graphqlEvent({ query: options.operation.document, variables: options.variables }, options.operation.claims)));
  // The public function serves anonymous residents: its own operation, no claims.
  const publicEventFile = join(options.buildDir, 'public-event.json');
  await writeFile(publicEventFile, JSON.stringify(graphqlEvent({ query: options.publicQuery.document, variables: options.publicQuery.variables })));

  const bundles: BuiltBundle[] = [];
  for (const [index, { entry }] of HANDLERS.entries()) bundles.push(await bundle(entry, join(options.buildDir, `handler-${index}`)));
  const samples = HANDLERS.map(() => [] as ColdSample[]);
  for (let round = 0; round < options.runs; round += 1) {
    for (let step = 0; step < HANDLERS.length; step += 1) {
      const position = (step + round) % HANDLERS.length;
      const event = HANDLERS[position]!.key.startsWith('public') ? publicEventFile : eventFile;
      samples[position]!.push(await probe(probeFile, bundles[position]!.file, event, options.environment));
    }
  }
  const entries = HANDLERS.map(({ label }, index): ColdEntry => {
    const of = (field: keyof ColdSample) => median(samples[index]!.map((sample) => sample[field]));
    return { label, bundle: bundles[index]!, totalMs: of('totalMs'), processMs: of('processMs'), loadMs: of('loadMs'), firstMs: of('firstMs'), cpuMs: of('cpuMs') };
  });
  const entry = (key: (typeof HANDLERS)[number]['key']) => entries[HANDLERS.findIndex((handler) => handler.key === key)]!;
  return { staff: entry('staff'), frameworkFree: entry('frameworkFree'), sdkOnly: entry('sdkOnly'), publicApi: entry('publicApi'), publicFrameworkFree: entry('publicFrameworkFree'), runs: options.runs };
}
