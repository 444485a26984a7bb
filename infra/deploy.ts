import { spawnSync } from 'node:child_process';
import { DeployUsageError, deployArguments } from './deploy-arguments';
import { districtIds } from './district-files';

/**
 * `npm run deploy -- --district <id> [cdk deploy options]`: runs the project's own CDK CLI
 * (`cdk deploy CommunityCityServices-<id>`) with the terminal attached, and exits with its
 * status. An unknown or missing district fails here, before anything is synthesized.
 */
function main(): void {
  let args: string[];
  try {
    args = deployArguments(process.argv.slice(2), districtIds());
  } catch (error) {
    if (!(error instanceof DeployUsageError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  const cdk = require.resolve('aws-cdk/bin/cdk');
  const result = spawnSync(process.execPath, [cdk, ...args], { stdio: 'inherit' });
  if (result.error) throw result.error;
  process.exit(result.status ?? 1);
}

main();
