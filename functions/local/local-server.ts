import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { readDistrictFile as readDistrictFileAt } from '../../infra/district-files';
import { createStore } from '../store/client';
import { syncDistrict } from '../store/onboarding/sync-district';
import { startLocalDutySchedules } from './duty-schedules';
import { buildApiBundle, buildExportBundle, buildOpen311Bundle, buildPublicApiBundle } from './build-api-bundle';
import { loopbackOrigins, type AllowedOrigins } from './cors';
import { prepareExplorer, type Explorer } from './explorer/explorer';
import { JAVA_MISSING_MESSAGE, javaIsInstalled, startDynamoDbLocal, type RunningDynamoDbLocal } from './dynamodb-local';
import { loadOrCreateCursorKey, loadOrCreateWebhookKey } from './cursor-key';
import { createHttpAdapter, type HttpApiHandler } from './http-adapter';
import { claimMappingOf } from '../domain/deployment/identity';
import { LOCAL_AUDIENCE, LOCAL_ISSUER } from './local-auth';
import { handler as pagesHandler } from '../pages/handler';
import { describeSync, ensureTable, readDistrictFile } from './local-database';
import { DISCOVERY_PATH, oidcProviderPages } from './oidc-provider';
import { createOidcVerifier, type TrustedIssuer } from './oidc-verifier';
import { startLocalEvents, type LocalEvents } from './events/local-events';
import { startLocalWebhooks } from './events/local-webhooks';
import { LOCAL_TABLE_NAME, bundleDirOf } from './paths';
import { startLocalS3, type LocalS3 } from './s3-local';
import { loadOrCreateSigningKey } from './signing-key';

export interface LocalServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /**
   * DynamoDB Local's files go to `<dataDir>/dynamodb`, photos to `<dataDir>/s3`, the signing key to `<dataDir>/local-oidc-signing-key.json`,
   * the cursor key to `<dataDir>/local-cursor-key`, the bundle to `<dataDir>/api-bundle`, the explorer to `<dataDir>/explorer`.
   */
  dataDir: string;
  district: string;
  /** A district file to serve instead of `infra/districts/<district>.json` (tests of another identity provider). */
  districtFile?: string;
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
  /** The local bus the outbox relay publishes to: `events.sink.onEvent(listener)` subscribes. */
  events: LocalEvents;
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
  const district = options.districtFile ? readDistrictFileAt(options.districtFile) : await readDistrictFile(options.district);
  const signingKey = await loadOrCreateSigningKey(options.dataDir);
  const cursorKey = await loadOrCreateCursorKey(options.dataDir);
  const webhookKey = await loadOrCreateWebhookKey(options.dataDir);

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
  let events: LocalEvents | undefined;
  let webhooks: { stop(): void } | undefined;
  let s3: LocalS3 | undefined;
  const killJavaOnExit = () => dynamo?.process.kill('SIGTERM');
  const stop = async () => {
    await close(server);
    process.off('exit', killJavaOnExit);
    webhooks?.stop();
    await events?.stop();
    await s3?.stop();
    await dynamo?.stop();
  };
  const allowedOrigins = options.allowedOrigins ?? loopbackOrigins;
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
    s3 = await startLocalS3({ dataDir: options.dataDir, corsOrigins: allowedOrigins.s3Patterns ?? [], log });
    log(`S3 (s3rver) at ${s3.endpoint}, bucket ${s3.bucketName}, data in ${join(options.dataDir, 's3')}; uploads are stripped of metadata on arrival`);
    await startLocalDutySchedules({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, districtId: district.id, dataDir: options.dataDir, log });
    events = await startLocalEvents({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, dataDir: options.dataDir, log });
    webhooks = startLocalWebhooks({ endpoint: dynamo.endpoint, tableName: LOCAL_TABLE_NAME, region: AWS_REGION, districtId: district.id, webhookKey, sink: events.sink, log });

    const buildDir = options.buildDir ?? bundleDirOf(options.dataDir);
    // The public route gets the public function's own bundle, as deployed; a given bundle serves both routes.
    const [bundle, open311, publicBundle, exports] = await Promise.all([
      options.bundle ?? buildApiBundle(buildDir),
      buildOpen311Bundle(join(buildDir, 'open311')),
      options.bundle ? Promise.resolve(undefined) : buildPublicApiBundle(buildDir),
      buildExportBundle(join(buildDir, 'exports')),
    ]);
    log(`${options.bundle ? 'serving' : 'built'} ${bundle}${publicBundle ? ` and ${publicBundle}` : ''}`);
    const readyExplorer = await explorer;
    if (readyExplorer) log(`explorer ${readyExplorer.built ? 'built' : 'reused'} in ${readyExplorer.directory}: open http://localhost:${port}/graphql in a browser`);
    log(`CORS: browser origins allowed: ${allowedOrigins.description}`);
    // The token issuer is an OIDC provider served here; the district's own provider, if it has
    // one, is trusted too. Claims are read through the district's mapping, as its stack does.
    const origin = `http://127.0.0.1:${port}`;
    const providerPages = oidcProviderPages({ issuer: LOCAL_ISSUER, origin, key: signingKey });
    const trusted: TrustedIssuer[] = [{ issuer: LOCAL_ISSUER, audience: LOCAL_AUDIENCE, discoveryUrl: `${origin}${DISCOVERY_PATH}` }];
    if (district.identity.kind === 'oidc') trusted.push({ issuer: district.identity.issuer, audience: district.identity.audience });
    log(`identity: tokens of ${trusted.map((entry) => entry.issuer).join(' and ')}; discovery at ${origin}${DISCOVERY_PATH}`);
    const environment = {
      TABLE_NAME: LOCAL_TABLE_NAME,
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      AWS_REGION,
      // The data folder's key stands in for the deployment's secret (functions/local/cursor-key.ts).
      CURSOR_KEY: cursorKey,
      // The API seals webhook secrets with the key the local deliverer opens them with; loopback receivers are allowed locally.
      WEBHOOK_SECRET_KEY: webhookKey,
      WEBHOOK_ALLOW_LOOPBACK: 'true',
      PHOTO_BUCKET: s3.bucketName,
      S3_ENDPOINT: s3.endpoint,
      IDENTITY_CLAIM_MAPPING: JSON.stringify(claimMappingOf(district.identity)),
      // Locally, warnings and errors only and no EMF metrics, unless the developer asks for them.
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
      POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    };
    listener = createHttpAdapter({
      handler: loadHandler(bundle, environment),
      proxyRoutes: [
        { prefix: '/open311/v2/', handler: loadHandler(open311, environment), functionName: 'community-city-services-open311' },
        // The exports sit behind the authorizer, as deployed: a bad token is 401 before the function.
        { prefix: '/exports/', handler: loadHandler(exports, environment), functionName: 'community-city-services-exports', authorized: true, methods: ['GET'] },
      ],
      ...(publicBundle ? { publicHandler: loadHandler(publicBundle, environment) } : {}),
      verifyToken: createOidcVerifier(trusted),
      functionName: 'community-city-services-api',
      logError: (message, error) => console.error(message, error),
      allowedOrigins,
      localPages: (request, response) => providerPages(request, response) || (readyExplorer?.answer(request, response) ?? false),
      pagesHandler: pagesHandler as HttpApiHandler,
    });
    return { url: `http://localhost:${port}/graphql`, port, dynamoDbPid: dynamo.process.pid, events, stop };
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
