/**
 * Stands in for the `semver` package in the GraphQL functions' bundles (the alias in
 * infra/api-bundling.ts): 28 KB their budget does not have. Its only user there is
 * aws-xray-sdk-core's patcher of the AWS SDK v2 (`captureAWS`), which checks the v2 SDK's version;
 * these functions use the v3 SDK, whose clients shared/tracing.ts captures without asking
 * `semver` anything. Should anything ever ask, it fails loudly rather than guess.
 */
export function gte(): never {
  throw new Error('semver is not in this bundle: only the AWS SDK v2 patcher of aws-xray-sdk-core uses it, and these functions use the v3 SDK');
}
