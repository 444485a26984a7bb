import type { Store } from '../client';
import { secretBox, randomSecretKey, type SecretKeySource } from './secret-box';
import { WebhookDeliveryRepository } from './webhook-delivery-repository';
import { WebhookEndpointRepository } from './webhook-endpoint-repository';

export interface WebhookRepositories {
  endpoints: WebhookEndpointRepository;
  deliveries: WebhookDeliveryRepository;
}

/** The webhook repositories over a store; without a key source, a random key of this process (tools and tests that never deliver). */
export function createWebhookRepositories(store: Store, secretKey: SecretKeySource = randomSecretKey()): WebhookRepositories {
  return { endpoints: new WebhookEndpointRepository(store, secretBox(secretKey)), deliveries: new WebhookDeliveryRepository(store) };
}
