import { Webhook } from 'standardwebhooks';

/**
 * The Standard Webhooks headers of one attempt: `webhook-id` (the event's id, the same on every
 * attempt and replay, for the receiver to de-duplicate by), `webhook-timestamp` (seconds, when
 * this attempt is sent, which the receiver checks against its clock) and `webhook-signature`
 * (`v1,<base64 HMAC-SHA256>` per secret, space-separated: two during a rotation's grace).
 * Signed by the `standardwebhooks` library itself, whose `Webhook.verify` a receiver runs.
 */
export function signedHeaders(secrets: readonly string[], eventId: string, sentAt: Date, payload: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'webhook-id': eventId,
    'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
    'webhook-signature': secrets.map((secret) => new Webhook(secret).sign(eventId, sentAt, payload)).join(' '),
  };
}
