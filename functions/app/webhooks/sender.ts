/** One delivery attempt's request: the endpoint's URL, the signed headers and the exact JSON signed. */
export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** A 2xx answer is success; anything else (another status, a refused address, a timeout) is a failure to retry, described for the ADMIN. */
export type SendOutcome = { ok: true; status: number } | { ok: false; error: string };

/** How an attempt is sent: functions/webhooks/http-sender.ts, with its address guard. */
export type WebhookSender = (request: WebhookRequest) => Promise<SendOutcome>;
