import * as z from 'zod';
import { DOMAIN_EVENT_TYPES } from '../events/domain-event';
import { freeText, idField, pageArguments } from './fields';

/**
 * Inputs of the webhook operations. A URL is https; only where loopback deliveries are allowed
 * (off AWS, an explicit setting: functions/shared/env.ts) plain http too, for a receiver on this
 * machine. Credentials in a URL would be stored and logged as part of it, so they are refused;
 * the receiver authenticates deliveries by their signature instead.
 */
export interface WebhookUrlRules {
  allowHttp: boolean;
}

const webhookUrl = (rules: WebhookUrlRules) =>
  z
    .string()
    .trim()
    .max(2000, 'must be at most 2000 characters')
    .refine((value) => URL.canParse(value) && (new URL(value).protocol === 'https:' || (rules.allowHttp && new URL(value).protocol === 'http:')), rules.allowHttp ? 'must be an http or https URL' : 'must be an https URL')
    .refine((value) => !URL.canParse(value) || (!new URL(value).username && !new URL(value).password), 'must not hold a user name or password');

const eventTypes = z
  .array(z.enum(DOMAIN_EVENT_TYPES, 'is not a domain event type'), 'must be a list of event types')
  .min(1, 'needs at least one event type')
  .refine((types) => new Set(types).size === types.length, 'must not repeat an event type');

export const registerWebhookEndpointArguments = (rules: WebhookUrlRules) =>
  z.object({
    input: z.object({
      url: webhookUrl(rules),
      eventTypes,
      description: freeText(200).nullish().transform((value) => value ?? undefined),
    }),
  });

export const webhookEndpointIdArguments = z.object({ id: idField });

export const webhookDeadLetterArguments = z.object(pageArguments);

/** A dead letter's id: its endpoint's id and the event's, joined by `~` (domain/webhooks/webhook-delivery.ts). */
export const webhookDeliveryIdArguments = z.object({
  id: z.string().trim().regex(/^[A-Za-z0-9_-]{1,64}~[^~\s]{1,100}$/, 'is not a webhook delivery id'),
});
