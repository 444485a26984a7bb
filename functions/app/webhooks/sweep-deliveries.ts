import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { Services } from '../services';
import { attemptDelivery, type AttemptResult, type DeliveryOptions } from './attempt-delivery';

export interface SweepOptions extends DeliveryOptions {
  /** Deliveries read and tried together (each attempt may wait for its receiver's timeout). Default 25. */
  batchSize?: number;
  /** At most this many attempts per run, so a run ends well within its function's timeout. Default 500. */
  maxAttempts?: number;
}

/**
 * One run of the retry sweeper (every minute on AWS): the district's PENDING deliveries due by
 * now, read from the due index (a Query, never a Scan), each attempted under its claim. A
 * delivery a worker claimed and never finished comes due again when the claim lapses.
 */
export async function sweepDueDeliveries(services: Services, districtId: string, options: SweepOptions): Promise<Record<AttemptResult, number>> {
  const batchSize = options.batchSize ?? 25;
  const maxAttempts = options.maxAttempts ?? 500;
  const counts: Record<AttemptResult, number> = { DELIVERED: 0, RETRYING: 0, DEAD: 0, SKIPPED: 0 };
  const endpoints = new Map<string, Promise<WebhookEndpoint | undefined>>();
  const endpointOf = (id: string) => {
    if (!endpoints.has(id)) endpoints.set(id, services.webhooks.endpoints.get(districtId, id));
    return endpoints.get(id)!;
  };
  for (let tried = 0; tried < maxAttempts; ) {
    const due = await services.webhooks.deliveries.listDue(districtId, services.clock(), Math.min(batchSize, maxAttempts - tried));
    if (due.length === 0) break;
    const results = await Promise.all(due.map(async (delivery) => attemptDelivery(services, delivery, await endpointOf(delivery.endpointId), options)));
    for (const result of results) counts[result] += 1;
    tried += due.length;
    if (results.every((result) => result === 'SKIPPED')) break;
  }
  return counts;
}
