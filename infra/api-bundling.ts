import { join } from 'node:path';

/**
 * How the API Lambda is bundled, in one place: the CDK stack (NodejsFunction) and the local
 * server (esbuild API) build the same bundle from the same settings, so what runs locally and
 * in the tests is what deploys.
 */
export const apiBundle = {
  entry: join(__dirname, '..', 'functions', 'api', 'handler.ts'),
  handlerExport: 'handler',
  target: 'node22',
  minify: true,
  sourceMap: true,
  /** SDL files are imported as strings. */
  loader: { '.graphql': 'text' } as Record<string, 'text'>,
  /** The AWS SDK v3 is bundled on purpose: versions pinned by our lock file, not the runtime's. */
  externalModules: [] as string[],
} as const;
