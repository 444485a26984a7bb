import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

interface BundleSettings {
  target: string;
  minify: boolean;
  sourceMap: boolean;
  externalModules: readonly string[];
  loader?: Record<string, 'text'>;
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
  };
}
