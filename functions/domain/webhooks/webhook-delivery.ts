import type { DomainEventType } from '../events/domain-event';

/**
 * One event's delivery to one endpoint: created once per (event, endpoint), however often the
 * event itself arrives, and tried until it succeeds or its retries run out
 * (retry-schedule.ts). PENDING deliveries are due at `nextAttemptAt`; DEAD ones are the
 * dead-letter list, until an ADMIN replays them.
 */
export const WEBHOOK_DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'DEAD'] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

export interface WebhookDelivery {
  districtId: string;
  endpointId: string;
  eventId: string;
  eventType: DomainEventType;
  /** The event's JSON exactly as signed and sent on every attempt. */
  payload: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt?: string;
  lastAttemptAt?: string;
  /** The last failure: an HTTP status or why nothing was sent (no response body, which the receiver wrote). */
  lastError?: string;
  deliveredAt?: string;
  deadAt?: string;
  createdAt: string;
}

/** A delivery's id in the API: its endpoint and event, which make it unique. */
export const deliveryId = (delivery: { endpointId: string; eventId: string }): string => `${delivery.endpointId}~${delivery.eventId}`;

/** The endpoint and event a delivery id names, or undefined for anything else. */
export function parseDeliveryId(id: string): { endpointId: string; eventId: string } | undefined {
  const at = id.indexOf('~');
  if (at <= 0 || at === id.length - 1) return undefined;
  return { endpointId: id.slice(0, at), eventId: id.slice(at + 1) };
}
