import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

interface BundleSettings {
  target: string;
  minify: boolean;
  sourceMap: boolean;
  externalModules: readonly string[];
  loader?: Record<string, 'text'>;
  alias?: Record<string, string>;
  define?: Record<string, string>;
}

/** NodejsFunction bundling from the shared settings of infra/api-bundling.ts: local esbuild (no Docker), CommonJS. */
export function nodejsBundling(settings: BundleSettings): BundlingOptions {
  return {
    forceDockerBundling: false,
    format: OutputFormat.CJS,
    target: settings.target,
    minify: settings.minify,
    sourceMap: settings.sourceMap,
    externalModules: [...settings.externalModules],
    ...(settings.loader ? { loader: settings.loader } : {}),
    ...(settings.define ? { define: settings.define } : {}),
    // NodejsFunction has no `alias` option; esbuild's flag is passed through, run from the project root.
    ...(settings.alias ? { esbuildArgs: Object.fromEntries(Object.entries(settings.alias).map(([from, to]) => [`--alias:${from}`, to])) } : {}),
  };
}
