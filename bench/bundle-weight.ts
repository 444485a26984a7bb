import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { apiBundleBuildOptions } from '../functions/local/build-api-bundle';
import { apiBundle, open311Bundle, publicApiBundle } from '../infra/api-bundling';

/**
 * `npx tsx bench/bundle-weight.ts`: the deployed GraphQL and Open311 bundles' sizes (esbuild's
 * metafile, minified, no source map, the settings of infra/api-bundling.ts), what Powertools
 * Tracer weighs in the staff API's (the same bundle with the no-op stand-in of
 * functions/shared/untraced.ts), and what each saving of infra/api-bundling.ts wins (the same
 * bundle with that one saving undone). docs/performance.md records its output.
 */
const REPOSITORY = join(__dirname, '..');
const untraced = { '@aws-lambda-powertools/tracer': './functions/shared/untraced.ts' };

/** The bundle's bytes, less what `leftOut` (a bundled file) takes in it. */
async function bytesOf(options: BuildOptions, leftOut?: string): Promise<number> {
  const result = await build({ ...options, write: false, sourcemap: false, metafile: true });
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint)!;
  return output.bytes - (leftOut ? (output.inputs[leftOut]?.bytesInOutput ?? 0) : 0);
}

const staff = (changes: { alias?: Record<string, string>; define?: Record<string, string>; external?: string[] } = {}): BuildOptions => ({
  ...apiBundleBuildOptions(apiBundle.entry, join(REPOSITORY, '.build', 'weight', 'index.js'), changes.external ?? apiBundle.externalModules, {
    alias: changes.alias ?? apiBundle.alias,
    define: changes.define ?? apiBundle.define,
  }),
});

const withoutAlias = (name: string): Record<string, string> => {
  const alias = { ...apiBundle.alias };
  delete alias[name];
  return alias;
};

async function main(): Promise<void> {
  const deployed = await bytesOf(staff());
  const rows: [string, number][] = [
    ['staff API bundle (deployed settings)', deployed],
    ['public function bundle', await bytesOf(apiBundleBuildOptions(publicApiBundle.entry, join(REPOSITORY, '.build', 'weight', 'public.js'), publicApiBundle.externalModules, publicApiBundle))],
    ['Open311 bundle (Tracer stood in for)', await bytesOf(apiBundleBuildOptions(open311Bundle.entry, join(REPOSITORY, '.build', 'weight', 'open311.js'), open311Bundle.externalModules, open311Bundle))],
    ['Open311 bundle with Tracer', await bytesOf(apiBundleBuildOptions(open311Bundle.entry, join(REPOSITORY, '.build', 'weight', 'open311.js'), open311Bundle.externalModules, { alias: { semver: apiBundle.alias.semver! } }))],
  ];
  const tracerWeight = deployed - (await bytesOf(staff({ alias: { ...apiBundle.alias, ...untraced } })));
  const savings: [string, number][] = [
    ['SDL without descriptions', (await bytesOf(staff({ define: {} }), 'functions/api/generated/served-sdl.ts')) - deployed],
    ['semver left out (X-Ray SDK v2 patcher only)', (await bytesOf(staff({ alias: withoutAlias('semver') }))) - deployed],
  ];
  for (const [name, bytes] of rows) console.log(`${name.padEnd(52)} ${bytes.toLocaleString('en').padStart(10)} B`);
  console.log(`${'Powertools Tracer in the staff API bundle'.padEnd(52)} ${('+' + tracerWeight.toLocaleString('en')).padStart(10)} B`);
  for (const [name, bytes] of savings) console.log(`${('saved: ' + name).padEnd(52)} ${('-' + bytes.toLocaleString('en')).padStart(10)} B`);
}

void main();
