import { signLocalToken } from '../../functions/local/local-auth';
import { startLocalServer } from '../../functions/local/local-server';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';

/**
 * The local HTTP server of `npm start` in a process of its own, so the load generator
 * (autocannon, in the bench's process) does not share its event loop. Prints one line
 * `READY {"url","endpoint","token"}` (the DynamoDB Local endpoint its handler was given, and an
 * ADMIN token of Dingnan) and stops everything on SIGTERM or when its parent goes away.
 * Usage: node --import tsx bench/throughput/server-process.ts <dataDir>
 */
async function main(): Promise<void> {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: server-process.ts <dataDir>');
  const server = await startLocalServer({ port: 0, dataDir, district: 'dingnan' });
  const token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'ADMIN', district: 'dingnan' });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    server.stop().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGTERM', stop);
  process.once('disconnect', stop);
  process.stdout.write(`READY ${JSON.stringify({ url: server.url.replace('localhost', '127.0.0.1'), endpoint: process.env.DYNAMODB_ENDPOINT, token })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`throughput server failed: ${String(error instanceof Error ? error.stack : error)}\n`);
  process.exit(1);
});
