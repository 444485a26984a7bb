import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createStore } from '../store/client';
import { syncDistrict } from '../store/onboarding/sync-district';
import { startLocalDutySchedules } from './duty-schedules';
import { buildApiBundle } from './build-api-bundle';
import { loopbackOrigins, type AllowedOrigins } from './cors';
import { prepareExplorer, type Explorer } from './explorer/explorer';
import { JAVA_MISSING_MESSAGE, javaIsInstalled, startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local';
import { loadOrCreateCursorKey } from './cursor-key';
import { createHttpAdapter, type HttpApiHandler } from './http-adapter';
import { handler as pagesHandler } from '../pages/handler';
import { verifyLocalToken } from './local-auth';
import { describeSync, ensureTable, readDistrictFile } from './local-database';
import { LOCAL_TABLE_NAME, bundleDirOf } from './paths';
import { loadOrCreateSigningKey } from './signing-key';

export interface LocalServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * DynamoDB Local's files go to `<dataDir>/dynamodb`, the signing key to `<dataDir>/local-signing-key.json`,
   * the cursor key to `<dataDir>/local-cursor-key`, the bundle to `<dataDir>/api-bundle`, the explorer to `<dataDir>/explorer`.
   */
  dataDir: string;
  district: string;
  /** Where the API bundle is built; default `<dataDir>/api-bundle`. */
  buildDir?: string;
  /** An already built bundle's index.js to serve instead (e.g. the asset `cdk synth` staged for deployment). */
  bundle?: string;
  /** The browser origins CORS allows (`CORS_ORIGINS`); default any port of localhost and 127.0.0.1. */
  allowedOrigins?: AllowedOrigins;
  /**
   * Serve the explorer (GraphiQL, bundled at the first start into `<dataDir>/explorer`) to
   * browsers at `GET /graphql`, as `npm start` does; default false (tests, benchmarks).
   */
  explorer?: boolean;
  /** Progress lines; default none. */
  log?(line: string): void;
}

export interface LocalServer {
  url: string;
  port: number;
  /** The java process of DynamoDB Local (tests check it is gone after `stop`). */
  dynamoDbPid: number | undefined;
  stop(): Promise<void>;
}

const AWS_REGION = 'cn-north-1';

/**
 * The local stack, in process: DynamoDB Local persisting under the data dir, the table, the
 * district synced from its file by the loader deploys use (seeded on the first start; later
 * starts apply only what changed in the file, so data changed through the API is kept), and the
 * deployed API bundle behind the API Gateway adapter.
 *
 * The bundle reads TABLE_NAME, DYNAMODB_ENDPOINT and AWS_REGION from process.env when it is
 * loaded, so this sets them first; hence one local server per process (a Jest test file has
 * its own process.env and module registry, so one per test file).
 */
export async function startLocalServer(options: LocalServerOptions): Promise<LocalServer> {
  const log = options.log ?? (() => undefined);
  if (!javaIsInstalled()) throw new Error(JAVA_MISSING_MESSAGE);
  const district = await readDistrictFile(options.district);
  const signingKey = await loadOrCreateSigningKey(options.dataDir);
  const cursorKey = await loadOrCreateCursorKey(options.dataDir);

  // The port is taken first, so a busy port fails in a moment rather than after the seconds
  // DynamoDB Local and the build take; until the handler is loaded, requests get a 503.
  let listener: RequestListener = (_request, response) => {
    response.writeHead(503, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Service Unavailable' }));
  };
  const server = createServer((request, response) => listener(request, response));
  const port = await listen(server, options.port);

  // The explorer builds (or is found built) while DynamoDB Local starts.
  const explorer: Promise<Explorer | undefined> =
    options.explorer ? prepareExplorer(join(options.dataDir, 'explorer')) : Promise.resolve(undefined);
  explorer.catch(() => undefined); // awaited below; a start that fails earlier must not leave it unhandled

  let dynamo: RunningDynamoDbLocal | undefined;
  const killJavaOnExit = () => dynamo?.process.kill('SIGTERM');
  const stop = async () => {
    await close(server);
    process.off('exit', killJavaOnExit);
    await dynamo?.stop();
  };
  try {
    const dynamoDir = join(options.dataDir, 'dynamodb');
    await mkdir(dynamoDir, { recursive: true });
    dynamo = await startDynamoDbLocal({ dataDir: dynamoDir });
    // Last resort against an orphaned java if this process exits without stop() (an uncaught error).
    process.once('exit', killJavaOnExit);
    log(`DynamoDB Local (pid ${dynamo.process.pid}) at ${dynamo.endpoint}, data in ${dynamoDir}`);

    const store = createStore({ tableName: LOCAL_TABLE_NAME, endpoint: dynamo.endpoint, region: AWS_REGION });
    try {
      log(`table ${LOCAL_TABLE_NAME}: ${await ensureTable(store)}`);
      log(describeSync(district.id, await syncDistrict(store, district)));
    } finally {
      store.doc.destroy();
    }
    await startLocalDutySchedules({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, districtId: district.id, dataDir: options.dataDir, log });

    const bundle = options.bundle ?? (await buildApiBundle(options.buildDir ?? bundleDirOf(options.dataDir)));
    log(`${options.bundle ? 'serving' : 'built'} ${bundle}`);
    const readyExplorer = await explorer;
    if (readyExplorer) log(`explorer ${readyExplorer.built ? 'built' : 'reused'} in ${readyExplorer.directory}: open http://localhost:${port}/graphql in a browser`);
    const allowedOrigins = options.allowedOrigins ?? loopbackOrigins;
    log(`CORS: browser origins allowed: ${allowedOrigins.description}`);
    listener = createHttpAdapter({
      handler: loadHandler(bundle, {
        TABLE_NAME: LOCAL_TABLE_NAME,
        DYNAMODB_ENDPOINT: dynamo.endpoint,
        AWS_REGION,
        // The data folder's key stands in for the deployment's secret (functions/local/cursor-key.ts).
        CURSOR_KEY: cursorKey,
        // Locally, warnings and errors only and no EMF metrics, unless the developer asks for them.
        POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
        POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
      }),
      verifyToken: async (token) => verifyLocalToken(signingKey, token),
      functionName: 'community-city-services-api',
      logError: (message, error) => console.error(message, error),
      allowedOrigins,
      ...(readyExplorer ? { localPages: readyExplorer.answer } : {}),
      pagesHandler: pagesHandler as HttpApiHandler,
    });
    return { url: `http://localhost:${port}/graphql`, port, dynamoDbPid: dynamo.process.pid, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Sets the handler's environment, then loads the bundle afresh (a stale cached copy would keep an old endpoint). */
function loadHandler(bundle: string, environment: Record<string, string>): HttpApiHandler {
  Object.assign(process.env, environment);
  delete require.cache[bundle];
  const loaded = require(bundle) as { handler?: unknown };
  if (typeof loaded.handler !== 'function') throw new Error(`${bundle} exports no handler function`);
  return loaded.handler as HttpApiHandler;
}

/** Listens on loopback only: a development server with seeded data is not for the network. */
async function listen(server: Server, port: number): Promise<number> {
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') throw new Error(`port ${port} is in use: stop what runs there or set PORT`);
    throw error;
  }
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  await closed;
}
