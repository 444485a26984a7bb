import { build, type Metafile } from 'esbuild';
import { join } from 'node:path';
import { apiBundleBuildOptions } from '../../functions/local/build-api-bundle';

export interface BuiltBundle {
  file: string;
  bytes: number;
  /** Output bytes per npm package (`(ours)` for the repository's own sources), largest first. */
  byPackage: [string, number][];
}

/**
 * Bundles an entry exactly as the API is deployed (functions/local/build-api-bundle.ts with the
 * externals of infra/api-bundling.ts), plus a metafile to see what the bundle carries.
 */
export async function bundle(entry: string, outDir: string): Promise<BuiltBundle> {
  const file = join(outDir, 'index.js');
  const result = await build({ ...apiBundleBuildOptions(entry, file), metafile: true });
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
