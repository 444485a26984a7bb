import { traced } from './tracing';
/**
 * Where the key that seals webhook secrets comes from (functions/store/webhooks/secret-box.ts),
 * as for the cursor key: the key material itself (`WEBHOOK_SECRET_KEY`: the local server,
 * tests), or on AWS the deployment's generated secret (`WEBHOOK_SECRET_KEY_SECRET_ARN`), read
 * with one GetSecretValue when a secret is first sealed or opened, never at start. Given
 * neither (allowed off AWS only), undefined: the store makes a random key of its process.
 */
export function webhookSecretKeySource(environment: {
  WEBHOOK_SECRET_KEY?: string;
  WEBHOOK_SECRET_KEY_SECRET_ARN?: string;
  AWS_REGION: string;
}): string | (() => Promise<string>) | undefined {
  if (environment.WEBHOOK_SECRET_KEY) return environment.WEBHOOK_SECRET_KEY;
  const secretId = environment.WEBHOOK_SECRET_KEY_SECRET_ARN;
  return secretId ? () => readSecretString(secretId, environment.AWS_REGION) : undefined;
}

/** The secret's string; the client is loaded only here, from the Lambda runtime's SDK (as functions/api/cursor-key-source.ts does). */
async function readSecretString(secretId: string, region: string): Promise<string> {
  const { GetSecretValueCommand, SecretsManagerClient } = require('@aws-sdk/client-secrets-manager') as typeof import('@aws-sdk/client-secrets-manager');
  const client = traced(new SecretsManagerClient({ region }));
  try {
    const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
    if (!SecretString) throw new Error(`The webhook secret key ${secretId} has no string value`);
    return SecretString;
  } finally {
    client.destroy();
  }
}
