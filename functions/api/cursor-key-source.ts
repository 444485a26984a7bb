import type { ApiEnvironment } from '../shared/env';
import type { CursorKeySource } from '../store/cursor';
import { traced } from '../shared/tracing';

/**
 * Where the API's cursor key comes from (docs/security.md, Cursors): the key material itself
 * (`CURSOR_KEY`: the local server, tests), or on AWS the deployment's generated secret
 * (`CURSOR_KEY_SECRET_ARN`), read with one GetSecretValue when a container first pages a
 * list, never at start. Given neither, which the environment allows off AWS only, the store
 * makes a random key of its own.
 */
export function cursorKeySource(environment: ApiEnvironment): CursorKeySource | undefined {
  if (environment.CURSOR_KEY) return environment.CURSOR_KEY;
  const secretId = environment.CURSOR_KEY_SECRET_ARN;
  return secretId ? () => readSecretString(secretId, environment.AWS_REGION) : undefined;
}

/**
 * The secret's string. The client is loaded only here, so a container that never pages a list
 * never loads it. The Lambda runtime provides it (infra/api-bundling.ts keeps `@aws-sdk/*` out
 * of the bundle): a `require`, which finds the runtime's SDK through NODE_PATH as the bundle's
 * other SDK requires do, where an `import()` would not.
 */
async function readSecretString(secretId: string, region: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager');
  const client = traced(new SecretsManagerClient({ region }));
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`The cursor key secret ${secretId} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}
