import { listWebhookDeadLetters, replayWebhookDeadLetter } from '../../app/webhooks/dead-letters';
import { listWebhookEndpoints, registerWebhookEndpoint, rotateWebhookSecret, setWebhookEndpointEnabled } from '../../app/webhooks/manage-endpoints';
import { inZone } from '../../domain/time';
import { deliveryId, type WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { WebhookEndpoint } from '../../domain/webhooks/webhook-endpoint';
import type { RequestContext } from '../context';
import type { Resolvers } from '../generated/graphql';

/** An optional time of a district's webhook record, shown in the district's zone. */
const optionalTime =
  <T extends { districtId: string }>(pick: (record: T) => string | undefined) =>
  async (record: T, _args: unknown, context: RequestContext): Promise<string | null> => {
    const value = pick(record);
    return value ? inZone(value, await context.timezoneOf(record.districtId)) : null;
  };

/** A required time of a district's webhook record, shown in the district's zone. */
const time =
  <T extends { districtId: string }>(pick: (record: T) => string) =>
  async (record: T, _args: unknown, context: RequestContext): Promise<string> =>
    inZone(pick(record), await context.timezoneOf(record.districtId));

export const webhookResolvers: Resolvers = {
  WebhookEndpoint: {
    failingSince: optionalTime((endpoint: WebhookEndpoint) => endpoint.failingSince),
    secretRotatedAt: time((endpoint: WebhookEndpoint) => endpoint.secretRotatedAt),
    createdAt: time((endpoint: WebhookEndpoint) => endpoint.createdAt),
    updatedAt: time((endpoint: WebhookEndpoint) => endpoint.updatedAt),
  },
  WebhookDelivery: {
    id: (delivery) => deliveryId(delivery),
    lastAttemptAt: optionalTime((delivery: WebhookDelivery) => delivery.lastAttemptAt),
    nextAttemptAt: optionalTime((delivery: WebhookDelivery) => delivery.nextAttemptAt),
    deadAt: optionalTime((delivery: WebhookDelivery) => delivery.deadAt),
    createdAt: time((delivery: WebhookDelivery) => delivery.createdAt),
  },
  Query: {
    webhookEndpoints: (_parent, _args, context) => listWebhookEndpoints(context.services, context.caller),
    webhookDeadLetters: (_parent, args, context) => listWebhookDeadLetters(context.services, context.caller, args),
  },
  Mutation: {
    registerWebhookEndpoint: (_parent, args, context) => registerWebhookEndpoint(context.services, context.caller, args),
    rotateWebhookSecret: (_parent, args, context) => rotateWebhookSecret(context.services, context.caller, args),
    disableWebhookEndpoint: (_parent, args, context) => setWebhookEndpointEnabled(context.services, context.caller, args, false),
    enableWebhookEndpoint: (_parent, args, context) => setWebhookEndpointEnabled(context.services, context.caller, args, true),
    replayWebhookDeadLetter: (_parent, args, context) => replayWebhookDeadLetter(context.services, context.caller, args),
  },
};
