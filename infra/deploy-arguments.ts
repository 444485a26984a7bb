import { apiStackId } from './api-stack';
import { DISTRICT_CONTEXT } from './district-app';

/** The command line cannot name one known district; the message says what to type instead. */
export class DeployUsageError extends Error {
  constructor(message: string) {
    super(`${message}\nusage: npm run deploy -- --district <id> [cdk deploy options]`);
    this.name = 'DeployUsageError';
  }
}

/**
 * The `cdk` arguments for `npm run deploy -- --district <id> [cdk deploy options]`: deploy that
 * district's stack, with the app narrowed to its file. Everything but `--district` passes
 * through to `cdk deploy` (e.g. `--require-approval never`, `--profile`).
 */
export function deployArguments(argv: readonly string[], knownDistricts: readonly string[]): string[] {
  const rest: string[] = [];
  const named: string[] = [];
  for (let index = 0; index < argv.length; index += 1) {
    const argument = argv[index]!;
    if (argument === '--district') {
      const value = argv[index + 1];
      if (value === undefined || value.startsWith('-')) throw new DeployUsageError('--district needs a district id');
      named.push(value);
      index += 1;
    } else if (argument.startsWith('--district=')) {
      named.push(argument.slice('--district='.length));
    } else {
      rest.push(argument);
    }
  }
  if (named.length !== 1) throw new DeployUsageError(named.length === 0 ? 'name the district to deploy' : 'name one district per deploy');
  const districtId = named[0]!;
  if (!knownDistricts.includes(districtId)) {
    throw new DeployUsageError(
      `unknown district "${districtId}": there is no infra/districts/${districtId}.json (known: ${knownDistricts.join(', ')})`,
    );
  }
  return ['deploy', apiStackId(districtId), '--context', `${DISTRICT_CONTEXT}=${districtId}`, ...rest];
}
