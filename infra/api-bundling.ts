import { join } from 'node:path';

/**
 * How every Lambda of a district stack is bundled: esbuild on the host (no Docker), for the
 * Node.js 22 runtime, minified, a source map beside each bundle (the API's environment does not
 * have Node parse it at start: docs/performance.md). The onboarding function bundles the AWS SDK v3
 * (versions pinned by our lock file); the API and duty functions leave it to the runtime (below).
 */
export const lambdaBundling = {
  target: 'node22',
  minify: true,
  sourceMap: true,
  externalModules: [] as string[],
} as const;

/**
 * The Node.js 22 runtime ships the AWS SDK v3: leaving it out takes ≈ 540 KB off the API bundle
 * (bench/results.md). The local server, which has no runtime SDK, inlines it
 * (functions/local/build-api-bundle.ts); tests that load a deployed asset resolve it from the
 * repository's node_modules.
 */
const runtimeProvidedModules = ['@aws-sdk/*'];

/**
 * How the API Lambda is bundled, in one place: the CDK stack (NodejsFunction) and the local
 * server (esbuild API) build the same bundle from the same settings, so what runs locally and
 * in the tests is what deploys.
 */
export const apiBundle = {
  ...lambdaBundling,
  externalModules: [...runtimeProvidedModules],
  /** Relative to the repository, esbuild's working directory. */
  alias: {
    // Asked only by the X-Ray SDK's patcher of the AWS SDK v2, which these functions never use (the file says why).
    semver: './functions/shared/no-semver.ts',
  } as Record<string, string>,
  /**
   * Build-time constants. `process.env.GRAPHQL_SDL` = "served": the schema is built from the SDL
   * without descriptions (functions/api/type-defs.ts), which production never serves (no
   * introspection), and the documented schema files stay out of the bundle. The local server's
   * builds leave it out (functions/local/build-api-bundle.ts): they serve introspection.
   */
  define: { 'process.env.GRAPHQL_SDL': '"served"' } as Record<string, string>,
  entry: join(__dirname, '..', 'functions', 'api', 'handler.ts'),
  handlerExport: 'handler',
  /** SDL files are imported as strings. */
  loader: { '.graphql': 'text' } as Record<string, 'text'>,
} as const;

/** The public function (`/public/graphql`): the API's settings, its own entry with only the public operations. */
export const publicApiBundle = {
  ...apiBundle,
  entry: join(__dirname, '..', 'functions', 'api', 'public-handler.ts'),
} as const;

/** The onboarding Lambda behind the district-data custom resource: same settings, its own entry. */
export const onboardingBundle = {
  ...lambdaBundling,
  entry: join(__dirname, '..', 'functions', 'onboarding', 'handler.ts'),
  handlerExport: 'handler',
} as const;

/**
 * The Open311 GeoReport v2 Lambda: no GraphQL, the runtime's AWS SDK, its own entry. Built without
 * Powertools Tracer (a no-op stands in: functions/shared/untraced.ts): Tracer's 96 KB, even
 * without `semver`, would take it over its 400 000-byte budget (docs/performance.md). Lambda's
 * active tracing still records each invocation.
 */
export const open311Bundle = {
  ...lambdaBundling,
  externalModules: [...runtimeProvidedModules],
  alias: { '@aws-lambda-powertools/tracer': './functions/shared/untraced.ts' } as Record<string, string>,
  entry: join(__dirname, '..', 'functions', 'api', 'open311', 'handler.ts'),
  handlerExport: 'handler',
} as const;

/**
 * The export Lambda (`GET /exports/{kind}`): no GraphQL, the runtime's AWS SDK, its own entry.
 * The only function that bundles exceljs (the XLSX writer), kept out of both GraphQL bundles.
 */
export const exportBundle = {
  ...lambdaBundling,
  externalModules: [...runtimeProvidedModules],
  /** Tracer's `semver` is needed only by the AWS SDK v2 patcher, as in the API's bundle. */
  alias: { semver: apiBundle.alias.semver! } as Record<string, string>,
  entry: join(__dirname, '..', 'functions', 'api', 'exports', 'handler.ts'),
  handlerExport: 'handler',
} as const;
