import { createServices, type Services } from '../app/services';
import { readWebhookEnvironment, type WebhookEnvironment } from '../shared/env';
import { webhookSecretKeySource } from '../shared/webhook-key-source';
import { httpSender } from './http-sender';
import type { DeliveryOptions } from '../app/webhooks/attempt-delivery';

/** What both webhook functions build once per container: the services with the secrets' key, and the guarded sender. */
export interface WebhookRuntime {
  environment: WebhookEnvironment;
  services: Services;
  delivery: DeliveryOptions;
}

export function webhookRuntime(source: NodeJS.ProcessEnv = process.env): WebhookRuntime {
  const environment = readWebhookEnvironment(source);
  const addressRules = { allowLoopback: environment.WEBHOOK_ALLOW_LOOPBACK };
  const services = createServices(
    { tableName: environment.TABLE_NAME, endpoint: environment.DYNAMODB_ENDPOINT, region: environment.AWS_REGION },
    { webhookSecretKey: webhookSecretKeySource(environment), webhookAddressRules: addressRules },
  );
  return { environment, services, delivery: { send: httpSender(addressRules) } };
}
