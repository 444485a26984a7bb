import { secretKeySource } from './secret-key-source';

/**
 * Where the key that seals webhook secrets comes from (functions/store/webhooks/secret-box.ts),
 * as for the cursor key: `WEBHOOK_SECRET_KEY` (the local server, tests), or on AWS the
 * deployment's generated secret (`WEBHOOK_SECRET_KEY_SECRET_ARN`), read when a secret is first
 * sealed or opened (secret-key-source.ts).
 */
export function webhookSecretKeySource(environment: {
  WEBHOOK_SECRET_KEY?: string;
  WEBHOOK_SECRET_KEY_SECRET_ARN?: string;
  AWS_REGION: string;
}): string | (() => Promise<string>) | undefined {
  return secretKeySource({ name: 'webhook secret key', material: environment.WEBHOOK_SECRET_KEY, secretArn: environment.WEBHOOK_SECRET_KEY_SECRET_ARN, region: environment.AWS_REGION });
}
