import { build } from 'esbuild';
import { join } from 'node:path';
import { apiBundle } from '../../infra/api-bundling';

/** Builds the API Lambda bundle exactly as the CDK stack does; answers the path of `index.js`. */
export async function buildApiBundle(outDir: string): Promise<string> {
  const outfile = join(outDir, 'index.js');
  await build({
    entryPoints: [apiBundle.entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: apiBundle.target,
    minify: apiBundle.minify,
    sourcemap: apiBundle.sourceMap,
    loader: apiBundle.loader,
    // In AWS the runtime provides the AWS SDK (apiBundle.externalModules); locally it is inlined,
    // so the bundle runs from any data folder. Everything else is the deployed bundle's.
    external: [],
    logLevel: 'error',
  });
  return outfile;
}
