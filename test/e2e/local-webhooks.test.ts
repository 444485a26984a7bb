import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../functions/local/dynamodb-local';
import { signLocalToken } from '../../functions/local/local-auth';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { startReceiver, type WebhookReceiver } from '../support/webhook-receiver';
import { startLocalProcess, type LocalProcess } from './support/local-process';

jest.setTimeout(300_000);

/**
 * The whole event path of `npm start`, as a front end's back end meets it: a step commits with
 * its outbox event, the local relay reads it from DynamoDB Local's stream, and the local
 * deliverer POSTs it to the registered endpoint, signed so `Webhook.verify` accepts it.
 */
describe('webhooks under npm start', () => {
  let dataDir: string;
  let running: LocalProcess;
  let receiver: WebhookReceiver;
  let base: string;
  let token: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'local-webhooks-'));
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    running = await startLocalProcess({ PORT: String(port), DATA_DIR: dataDir });
    token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'dingnan' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await running?.terminate();
    await rm(dataDir, { recursive: true, force: true });
  });

  const graphql = async (query: string, withToken = true) => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(withToken ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });
    return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
  };

  test('given an endpoint registered for issue.reported, when a resident reports, then the receiver gets the signed event and verifies it', async () => {
    const registered = await graphql(`mutation { registerWebhookEndpoint(input: { url: "${receiver.url}", eventTypes: ["issue.reported"] }) { secret } }`);
    expect(registered.errors).toBeUndefined();
    receiver.setSecret(registered.data!.registerWebhookEndpoint.secret);

    const reported = await graphql(
      'mutation { reportIssue(input: { serviceCode: "dingnan-ST03LE", category: GARBAGE_NOT_COLLECTED, description: "垃圾两天没清运" }) { issue { id } } }',
      false,
    );
    const issueId = reported.data!.reportIssue.issue.id as string;

    // Stream, relay and delivery are asynchronous: wait for the receiver, bounded by the test's timeout, not by a speed.
    while (!receiver.received.some((entry) => entry.verified && (entry.payload as { subject: { id: string } }).subject.id === issueId)) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const delivered = receiver.received.find((entry) => (entry.payload as { subject: { id: string } } | undefined)?.subject.id === issueId)!;
    expect(delivered).toMatchObject({ verified: true, payload: { type: 'issue.reported', districtId: 'dingnan', subject: { type: 'Issue', id: issueId } } });
    expect(JSON.stringify(delivered.payload)).not.toContain('垃圾两天没清运');
  });
});
