import { deliverDomainEvents } from '../../app/webhooks/deliver-events';
import { sweepDueDeliveries } from '../../app/webhooks/sweep-deliveries';
import { createServices } from '../../app/services';
import { httpSender } from '../../webhooks/http-sender';
import type { LocalEventSink } from './local-event-sink';

export interface LocalWebhooksOptions {
  endpoint: string;
  tableName: string;
  region: string;
  districtId: string;
  /** The key the API seals endpoint secrets with (functions/local/cursor-key.ts). */
  webhookKey: string;
  sink: LocalEventSink;
  /** How often due retries are swept; the deployed sweeper runs every minute. */
  sweepEveryMs?: number;
  log?(line: string): void;
}

/**
 * Webhooks under `npm start`, as deployed: every event the local relay publishes goes to the
 * district's endpoints (the delivery function's part), and due retries are swept every minute
 * (the sweeper's part). Loopback receivers are allowed here only.
 */
export function startLocalWebhooks(options: LocalWebhooksOptions): { stop(): void } {
  const addressRules = { allowLoopback: true };
  const services = createServices(
    { tableName: options.tableName, endpoint: options.endpoint, region: options.region },
    { webhookSecretKey: options.webhookKey, webhookAddressRules: addressRules },
  );
  const delivery = { send: httpSender(addressRules) };
  const unsubscribe = options.sink.onEvent(async (event) => {
    await deliverDomainEvents(services, [event], delivery);
  });
  const sweep = setInterval(() => {
    sweepDueDeliveries(services, options.districtId, delivery).catch((error: unknown) => options.log?.(`webhooks: sweep failed: ${(error as Error).message}`));
  }, options.sweepEveryMs ?? 60_000);
  sweep.unref();
  options.log?.('webhooks: local deliveries on, loopback receivers allowed');
  return {
    stop: () => {
      clearInterval(sweep);
      unsubscribe();
    },
  };
}
