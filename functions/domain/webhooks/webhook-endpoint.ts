import type { DomainEventType } from '../events/domain-event';

/**
 * A district's webhook endpoint: where deliveries of the chosen event types go. Its signing
 * secret is kept encrypted by the store and shown once, when registered or rotated.
 */
export const WEBHOOK_ENDPOINT_STATUSES = ['ENABLED', 'DISABLED'] as const;
export type WebhookEndpointStatus = (typeof WEBHOOK_ENDPOINT_STATUSES)[number];

export interface WebhookEndpoint {
  districtId: string;
  id: string;
  url: string;
  eventTypes: DomainEventType[];
  description?: string;
  status: WebhookEndpointStatus;
  /** Why the endpoint is disabled: by an ADMIN, or after failing for days (retry-schedule.ts). */
  disabledReason?: string;
  /** The first failed attempt since the last success; absent while deliveries succeed. */
  failingSince?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  secretRotatedAt: string;
}

/** Whether the endpoint takes deliveries of this event now. */
export const subscribesTo = (endpoint: WebhookEndpoint, type: DomainEventType): boolean =>
  endpoint.status === 'ENABLED' && endpoint.eventTypes.includes(type);

/** Standard Webhooks' secret form: `whsec_` and the base64 of the key bytes (the form `standardwebhooks` reads). */
export const SECRET_PREFIX = 'whsec_';
export const SECRET_BYTES = 32;

export const formatSecret = (key: Buffer): string => `${SECRET_PREFIX}${key.toString('base64')}`;

/**
 * How long a rotated-out secret still signs, beside the new one (Standard Webhooks sends one
 * signature per secret in `webhook-signature`): a receiver has a day to switch without
 * refusing a delivery.
 */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 3600 * 1000;
