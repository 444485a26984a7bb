import { randomBytes, randomUUID } from 'node:crypto';
import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { registerWebhookEndpointArguments, webhookEndpointIdArguments } from '../../domain/validation/webhook-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { formatSecret, PREVIOUS_SECRET_GRACE_MS, SECRET_BYTES, type WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import { NotFoundError } from '../../shared/errors';
import type { Services } from '../services';

/** An endpoint with its signing secret, answered once: when registered and when rotated. Never readable again. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

const newSecret = (): string => formatSecret(randomBytes(SECRET_BYTES));

/** registerWebhookEndpoint (ADMIN): a new endpoint, ENABLED, with a secret generated here and shown once. */
export async function registerWebhookEndpoint(services: Services, caller: Caller | undefined, args: unknown): Promise<EndpointWithSecret> {
  const { districtId } = requireOperation(caller, 'manageWebhooks');
  const { input } = parseArguments(registerWebhookEndpointArguments({ allowHttp: services.webhookAddressRules.allowLoopback }), args);
  const now = services.clock().toISOString();
  const endpoint: WebhookEndpoint = {
    districtId,
    id: randomUUID(),
    url: input.url,
    eventTypes: input.eventTypes,
    ...(input.description ? { description: input.description } : {}),
    status: 'ENABLED',
    version: 1,
    createdAt: now,
    updatedAt: now,
    secretRotatedAt: now,
  };
  const secret = newSecret();
  await services.webhooks.endpoints.create(endpoint, secret);
  return { endpoint, secret };
}

/** webhookEndpoints (ADMIN): the district's endpoints, without their secrets. */
export async function listWebhookEndpoints(services: Services, caller: Caller | undefined): Promise<WebhookEndpoint[]> {
  const { districtId } = requireOperation(caller, 'manageWebhooks');
  const endpoints = await services.webhooks.endpoints.list(districtId);
  return endpoints.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

async function endpointOf(services: Services, caller: Caller | undefined, args: unknown): Promise<WebhookEndpoint> {
  const { districtId } = requireOperation(caller, 'manageWebhooks');
  const { id } = parseArguments(webhookEndpointIdArguments, args);
  const endpoint = await services.webhooks.endpoints.get(districtId, id);
  if (!endpoint) throw new NotFoundError('WebhookEndpoint', id);
  return endpoint;
}

/**
 * rotateWebhookSecret (ADMIN): a new secret, shown once. The old one keeps signing beside it
 * for a day (each delivery carries both signatures), so the receiver can switch without losing one.
 */
export async function rotateWebhookSecret(services: Services, caller: Caller | undefined, args: unknown): Promise<EndpointWithSecret> {
  const endpoint = await endpointOf(services, caller, args);
  const now = services.clock();
  const secret = newSecret();
  const previousUntil = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS).toISOString();
  const rotated = await services.webhooks.endpoints.rotateSecret(endpoint, secret, previousUntil, now.toISOString());
  return { endpoint: rotated, secret };
}

/** disableWebhookEndpoint / enableWebhookEndpoint (ADMIN). Enabling clears the reason and the failure record. */
export async function setWebhookEndpointEnabled(services: Services, caller: Caller | undefined, args: unknown, enabled: boolean): Promise<WebhookEndpoint> {
  const endpoint = await endpointOf(services, caller, args);
  const status = enabled ? 'ENABLED' : 'DISABLED';
  if (endpoint.status === status) return endpoint;
  return services.webhooks.endpoints.setStatus(endpoint, status, enabled ? undefined : 'disabled by an ADMIN', services.clock().toISOString());
}
