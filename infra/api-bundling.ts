import { join } from 'node:path';

/**
 * How every Lambda of a district stack is bundled: esbuild on the host (no Docker), for the
 * Node.js 22 runtime, minified with source maps. The onboarding function bundles the AWS SDK v3
 * (versions pinned by our lock file); the API and duty functions leave it to the runtime (below).
 */
export const lambdaBundling = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  externalModules: [] as string[],
} as const;

/**
 * How the API Lambda is bundled, in one place: the CDK stack (NodejsFunction) and the local
 * server (esbuild API) build the same bundle from the same settings, so what runs locally and
 * in the tests is what deploys.
 */
export const apiBundle = {
  ...lambdaBundling,
  /**
   * The Node.js 22 runtime ships the AWS SDK v3: leaving it out halves the bundle and the time
   * to load it on a cold start (bench/results.md). The local server, which has no runtime SDK,
   * inlines it (functions/local/build-api-bundle.ts); tests that load a deployed asset resolve it
   * from the repository's node_modules.
   */
  externalModules: ['@aws-sdk/*'] as string[],
  entry: join(__dirname, '..', 'functions', 'api', 'handler.ts'),
  handlerExport: 'handler',
  /** SDL files are imported as strings. */
  loader: { '.graphql': 'text' } as Record<string, 'text'>,
} as const;

/** The onboarding Lambda behind the district-data custom resource: same settings, its own entry. */
export const onboardingBundle = {
  ...lambdaBundling,
  entry: join(__dirname, '..', 'functions', 'onboarding', 'handler.ts'),
  handlerExport: 'handler',
} as const;
