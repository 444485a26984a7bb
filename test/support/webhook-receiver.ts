import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request a receiver got, and whether `Webhook.verify` accepted it with the receiver's secret. */
export interface Received {
  id: string;
  verified: boolean;
  payload?: unknown;
  verifyError?: string;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** The ids of verified deliveries after de-duplication by `webhook-id`, as a receiver stores them. */
  uniqueEventIds(): string[];
  setSecret(secret: string): void;
  /** Answer 500 to the next `count` requests (they are still recorded). */
  failNext(count: number): void;
  close(): Promise<void>;
}

/**
 * A front end's back end on loopback: verifies every delivery with the `standardwebhooks`
 * library's own `Webhook.verify`, as docs/events.md tells a receiver to, and answers 204, or
 * 500 while told to fail, or 400 when verification fails.
 */
export async function startReceiver(secret = ''): Promise<WebhookReceiver> {
  let current = secret;
  let failures = 0;
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const id = String(request.headers['webhook-id'] ?? '');
      try {
        const payload = new Webhook(current).verify(body, headersOf(request.headers));
        received.push({ id, verified: true, payload });
      } catch (error) {
        received.push({ id, verified: false, verifyError: (error as Error).message });
        response.writeHead(400).end();
        return;
      }
      if (failures > 0) {
        failures -= 1;
        response.writeHead(500).end();
        return;
      }
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    uniqueEventIds: () => [...new Set(received.filter((entry) => entry.verified).map((entry) => entry.id))],
    setSecret: (next) => void (current = next),
    failNext: (count) => void (failures = count),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

const headersOf = (headers: IncomingHttpHeaders): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value ?? '')]));
