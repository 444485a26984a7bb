import { parseArgs } from 'node:util';
import { parseCorsOrigins, type AllowedOrigins } from './cors';
import { JAVA_MISSING_MESSAGE, javaIsInstalled } from './dynamodb-local';
import { startLocalServer, type LocalServer } from './local-server';
import { DEFAULT_DISTRICT, DEFAULT_PORT, resolveDataDir } from './paths';

/**
 * `npm start [-- --district <id>]`: runs the local stack until SIGINT or SIGTERM, then closes
 * the HTTP server and stops DynamoDB Local before exiting 0. `PORT` and `DATA_DIR` override
 * the port (4000) and the data folder (`.data`); `CORS_ORIGINS` (comma-separated origins) the
 * browser origins allowed (any port of localhost and 127.0.0.1). Prints one `ready` line with the URL.
 */
async function main(): Promise<void> {
  if (!javaIsInstalled()) fail(JAVA_MISSING_MESSAGE, 1);
  const district = parseDistrict(process.argv.slice(2));
  const port = parsePort(process.env.PORT);
  const allowedOrigins = parseOrigins(process.env.CORS_ORIGINS);
  const dataDir = resolveDataDir();

  // Signals are taken from the start: one arriving while DynamoDB Local boots must still stop it.
  let server: LocalServer | undefined;
  let stopRequested = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = true;
    console.log(`${signal}: stopping`);
    if (server) stopAndExit(server);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);

  try {
    server = await startLocalServer({ port, dataDir, district, allowedOrigins, explorer: true, log: (line) => console.log(line) });
  } catch (error) {
    if (stopRequested) process.exit(0);
    throw error;
  }
  if (stopRequested) return stopAndExit(server);
  console.log(`ready: ${server.url} (district ${district}; data in ${dataDir})`);
}

function stopAndExit(server: LocalServer): void {
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => fail(`stopping failed: ${(error as Error).message}`, 1),
  );
}

function parseDistrict(argv: string[]): string {
  try {
    const { values } = parseArgs({ args: argv, options: { district: { type: 'string' } }, strict: true, allowPositionals: false });
    return values.district ?? DEFAULT_DISTRICT;
  } catch (error) {
    return fail(`${(error as Error).message}; usage: npm start [-- --district <id>]`, 2);
  }
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return fail(`PORT must be a port number, not "${value}"`, 2);
  return port;
}

function parseOrigins(value: string | undefined): AllowedOrigins {
  try {
    return parseCorsOrigins(value);
  } catch (error) {
    return fail((error as Error).message, 2);
  }
}

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

main().catch((error: unknown) => fail(error instanceof Error ? error.message : String(error), 1));
