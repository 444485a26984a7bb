import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { httpSender } from '../../../functions/webhooks/http-sender';

let server: Server;
let port: number;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    hits.push(request.url ?? '');
    if (request.url === '/moved') response.writeHead(302, { location: 'http://127.0.0.1/elsewhere' }).end();
    else response.writeHead(204).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void hits.splice(0));

const request = (url: string) => ({ url, headers: { 'content-type': 'application/json' }, body: '{}' });
const onAws = httpSender({ allowLoopback: false, timeoutMs: 30_000 });
const local = httpSender({ allowLoopback: true, timeoutMs: 30_000 });

describe('the webhook HTTP sender and its address guard', () => {
  test.each([
    ['http://127.0.0.1:{port}/hooks', 'refused: 127.0.0.1 is a loopback address'],
    ['http://[::1]:{port}/hooks', 'refused: ::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]:{port}/hooks', 'refused: ::ffff:7f00:1 is a loopback address'],
    ['https://169.254.169.254/latest/meta-data/', 'refused: 169.254.169.254 is a linkLocal address'],
    ['https://10.0.0.8/hooks', 'refused: 10.0.0.8 is a private address'],
    ['https://192.168.1.20/hooks', 'refused: 192.168.1.20 is a private address'],
    ['https://[fd00::8]/hooks', 'refused: fd00::8 is a uniqueLocal address'],
  ])('given %s on AWS, when sent, then nothing is sent: %s', async (url, error) => {
    expect(await onAws(request(url.replace('{port}', String(port))))).toEqual({ ok: false, error });
    expect(hits).toEqual([]);
  });

  test('given a host name that resolves to loopback, when sent on AWS, then it is refused after DNS resolution and nothing is sent', async () => {
    const outcome = await onAws(request(`http://localhost:${port}/hooks`));

    expect(outcome).toEqual({ ok: false, error: expect.stringMatching(/^refused: localhost resolves to (127\.0\.0\.1|::1) is a loopback address$/) });
    expect(hits).toEqual([]);
  });

  test('given the local setting, when sent to a loopback host name, then the receiver gets it', async () => {
    expect(await local(request(`http://localhost:${port}/hooks`))).toEqual({ ok: true, status: 204 });
    expect(hits).toEqual(['/hooks']);
  });

  test('given the local setting, when sent to a private address, then it is still refused', async () => {
    expect(await local(request('https://10.0.0.8/hooks'))).toEqual({ ok: false, error: 'refused: 10.0.0.8 is a private address' });
  });

  test('given a receiver that redirects, when sent, then the redirect is a failure and is not followed', async () => {
    expect(await local(request(`http://127.0.0.1:${port}/moved`))).toEqual({ ok: false, error: 'HTTP 302' });
    expect(hits).toEqual(['/moved']);
  });
});
