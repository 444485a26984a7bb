import { build, type BuildOptions } from 'esbuild';
import { join } from 'node:path';
import { apiBundle, exportBundle, open311Bundle, publicApiBundle } from '../../infra/api-bundling';

/** The repository root: esbuild resolves the aliases of infra/api-bundling.ts from there, as NodejsFunction does. */
const REPOSITORY = join(__dirname, '..', '..');

/** esbuild options for the API bundle from the shared settings; `external` defaults to the deployed one, build-time constants too. */
export function apiBundleBuildOptions(
  entry: string,
  outfile: string,
  external: readonly string[] = apiBundle.externalModules,
  bundle: { alias: Record<string, string>; define?: Record<string, string> } = apiBundle,
): BuildOptions {
  return {
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: apiBundle.target,
    minify: apiBundle.minify,
    sourcemap: apiBundle.sourceMap,
    loader: apiBundle.loader,
    external: [...external],
    alias: bundle.alias,
    define: bundle.define ?? {},
    absWorkingDir: REPOSITORY,
    logLevel: 'error',
  };
}

/** Builds the API Lambda bundle as the CDK stack does; answers the path of `index.js`. */
export async function buildApiBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'index.js');
  // In AWS the runtime provides the AWS SDK; locally it is inlined, so the bundle runs from any
  // data folder. Everything else is the deployed bundle's.
  await build(apiBundleBuildOptions(apiBundle.entry, outfile, [], servingIntrospection(apiBundle)));
  return outfile;
}

/** Builds the Open311 Lambda bundle (the AWS SDK inlined, as for the API's); answers the path of `index.js`. */
export async function buildOpen311Bundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'index.js');
  await build(apiBundleBuildOptions(open311Bundle.entry, outfile, [], open311Bundle));
  return outfile;
}

/** Builds the public function's bundle (`/public/graphql`) into `<outDir>/public/index.js`, as the CDK stack does. */
export async function buildPublicApiBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'public', 'index.js');
  await build(apiBundleBuildOptions(publicApiBundle.entry, outfile, [], servingIntrospection(publicApiBundle)));
  return outfile;
}

/** Builds the export Lambda bundle (`/exports/{kind}`, the AWS SDK inlined, as for the API's); answers the path of `index.js`. */
export async function buildExportBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'index.js');
  await build(apiBundleBuildOptions(exportBundle.entry, outfile, [], exportBundle));
  return outfile;
}

/**
 * The local server serves introspection and its explorer (graphql-execution.ts: introspection is on outside production): its builds
 * keep the schema's descriptions, without the deploy bundles' `process.env.GRAPHQL_SDL` constant.
 */
function servingIntrospection(bundle: { alias: Record<string, string> }): { alias: Record<string, string> } {
  return { alias: bundle.alias };
}
