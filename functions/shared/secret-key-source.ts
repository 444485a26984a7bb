import { traced } from './tracing';

/**
 * Where one of the deployment's keys comes from: the key material itself (the local server,
 * tests), or on AWS the deployment's generated secret, read with one GetSecretValue when the key
 * is first needed, never at start. Given neither (which the environment allows off AWS only),
 * undefined: the store makes a random key of its own process.
 */
export function secretKeySource(key: { name: string; material?: string; secretArn?: string; region: string }): string | (() => Promise<string>) | undefined {
  if (key.material) return key.material;
  const secretId = key.secretArn;
  return secretId ? () => readSecretString(key.name, secretId, key.region) : undefined;
}

/**
 * The secret's string. The client is loaded only here, so a container that never needs the key
 * never loads it. The Lambda runtime provides it (infra/api-bundling.ts keeps `@aws-sdk/*` out of
 * the bundle): a `require`, which finds the runtime's SDK through NODE_PATH as the bundle's other
 * SDK requires do, where an `import()` would not.
 */
async function readSecretString(name: string, secretId: string, region: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager');
  const client = traced(new SecretsManagerClient({ region }));
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`The ${name} ${secretId} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}
