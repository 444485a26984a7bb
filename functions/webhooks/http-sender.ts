import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { SendOutcome, WebhookRequest, WebhookSender } from '../app/webhooks/sender';
import { refusedAddress, type AddressRules } from '../domain/webhooks/address-rules';

export interface HttpSenderOptions extends AddressRules {
  /** The whole attempt, connection to last byte; a receiver should answer fast and work later. Default 10 s. */
  timeoutMs?: number;
}

/** What is read of a receiver's answer: its status. The body is drained, never kept (it is the receiver's, and may hold anything). */
const DEFAULT_TIMEOUT_MS = 10_000;

/** A resolved address the guard refused: the attempt fails with this reason, nothing is sent. */
class RefusedAddressError extends Error {
  readonly code = 'WEBHOOK_ADDRESS_REFUSED';
}

/**
 * The SSRF guard, where it cannot be bypassed: in the socket's own DNS lookup. Every address the
 * host name resolves to is checked (a name with one private address among public ones is
 * refused, so a resolver's choice or a second lookup cannot pick it), and the socket connects
 * to the address checked, so a DNS answer changed between check and connect (DNS rebinding)
 * changes nothing. An IP literal skips DNS, so it is checked before the request.
 */
function guardedLookup(rules: AddressRules): LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.map((entry) => refusedAddress(entry.address, rules)).find((reason) => reason !== undefined);
      if (refused) return callback(new RefusedAddressError(`refused: ${hostname} resolves to ${refused}`), '', 0);
      if (options.all) return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new RefusedAddressError(`refused: ${hostname} resolves to no address`), '', 0);
      return callback(null, first.address, first.family);
    });
  };
}

/**
 * Sends webhook attempts over HTTP(S) with the address guard. Redirects are not followed (a 3xx
 * is a failure: a receiver could otherwise point deliveries anywhere); TLS is verified against
 * the URL's host name.
 */
export function httpSender(options: HttpSenderOptions): WebhookSender {
  const rules: AddressRules = { allowLoopback: options.allowLoopback };
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const lookupGuarded = guardedLookup(rules);
  return (webhook: WebhookRequest) =>
    new Promise<SendOutcome>((resolve) => {
      const url = new URL(webhook.url);
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (isIP(host)) {
        const refused = refusedAddress(host, rules);
        if (refused) return resolve({ ok: false, error: `refused: ${refused}` });
      }
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const requestOptions: RequestOptions = {
        method: 'POST',
        headers: { ...webhook.headers, 'content-length': String(Buffer.byteLength(webhook.body)), 'user-agent': 'community-city-services-webhooks/1' },
        lookup: lookupGuarded,
        timeout: timeoutMs,
        agent: false,
      };
      const timer = setTimeout(() => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      const outgoing = send(url, requestOptions, (response) => {
        response.resume();
        response.on('end', () => {
          clearTimeout(timer);
          const status = response.statusCode ?? 0;
          resolve(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, error: `HTTP ${status}` });
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          resolve({ ok: false, error: error.message });
        });
      });
      outgoing.on('timeout', () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      outgoing.on('error', (error) => {
        clearTimeout(timer);
        resolve({ ok: false, error: error instanceof RefusedAddressError ? error.message : `not sent: ${error.message}` });
      });
      outgoing.end(webhook.body);
    });
}
