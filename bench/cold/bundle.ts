import { build, type Metafile, type Plugin } from 'esbuild';
import { join } from 'node:path';
import { apiBundleBuildOptions } from '../../functions/local/build-api-bundle';
import { apiBundle } from '../../infra/api-bundling';

export interface BuiltBundle {
  file: string;
  bytes: number;
  /** Output bytes per npm package (`(ours)` for the repository's own sources), largest first. */
  byPackage: [string, number][];
}

export interface BundleVariant {
  externalModules: readonly string[];
  plugins?: Plugin[];
  alias?: Record<string, string>;
}

/** Where aliases resolve from (esbuild resolves an aliased path in the working directory). */
export const REPOSITORY = join(__dirname, '..', '..');

/** The deployed settings of infra/api-bundling.ts, as NodejsFunction and the local server apply them. */
export const deployedSettings: BundleVariant = { externalModules: apiBundle.externalModules };

/**
 * Bundles an entry with the API bundle's options (functions/local/build-api-bundle.ts) and the
 * variant's externals, plus a metafile to see what the bundle carries.
 */
export async function bundle(entry: string, outDir: string, variant: BundleVariant): Promise<BuiltBundle> {
  const file = join(outDir, 'index.js');
  const result = await build({
    ...apiBundleBuildOptions(entry, file, variant.externalModules),
    absWorkingDir: REPOSITORY,
    metafile: true,
    ...(variant.plugins ? { plugins: variant.plugins } : {}),
    ...(variant.alias ? { alias: variant.alias } : {}),
  });
  const output = Object.values(result.metafile.outputs).find((candidate) => candidate.entryPoint);
  if (!output) throw new Error(`esbuild wrote no bundle for ${entry}`);
  return { file, bytes: output.bytes, byPackage: byPackage(output.inputs) };
}

function byPackage(inputs: Metafile['outputs'][string]['inputs']): [string, number][] {
  const sizes = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)\/(?!.*node_modules\/)/.exec(path)?.[1] ?? /^.*node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? '(ours)';
    sizes.set(name, (sizes.get(name) ?? 0) + bytesInOutput);
  }
  return [...sizes.entries()].sort((a, b) => b[1] - a[1]);
}
