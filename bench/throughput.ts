import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { LOCAL_TABLE_NAME } from '../functions/local/paths';
import { createStore, type Store } from '../functions/store/client';
import { createDirectExecutor } from './support/direct-executor';
import { DISTRICT_READ, ISSUE_READ, ISSUES_READ, LOOKUP_READ, STATION_READ, admin } from './support/operations';
import { p99 } from './support/stats';
import { installStoreRecorder, levelsOf, recordStore } from './support/store-recorder';

/** One request of the read mix, with the store commands its resolvers send, by level. */
interface MixEntry {
  name: string;
  body: string;
  authorized: boolean;
  levels: { constructor: Function; input: unknown }[][];
}

export interface ThroughputResult {
  http: ReturnType<typeof total>;
  store: ReturnType<typeof total>;
  connections: number;
  seconds: number;
  mix: string[];
}

const REPORT = `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`;

/** Starts bench/throughput/server-process.ts and waits for its READY line. */
async function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; url: string; endpoint: string; token: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'throughput', 'server-process.ts'), dataDir], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', POWERTOOLS_METRICS_DISABLED: 'true' },
  });
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit').then(([code]) => new Error(`throughput server exited (${String(code)}) before it was ready`));
  const ready = (async () => {
    for await (const line of lines) {
      if (line.startsWith('READY ')) return JSON.parse(line.slice(6)) as { url: string; endpoint: string; token: string };
    }
    return new Error('throughput server closed its output before it was ready');
  })();
  const info = await Promise.race([ready, exited]);
  if (info instanceof Error) throw info;
  // Keep draining: the server's own log lines must never fill the pipe and stall it.
  child.stdout!.resume();
  return { child, ...info };
}

/**
 * The read mix: nested reference reads, an issues page, single issues with their history, the
 * district, and the public service-code lookup. Each entry is run once through the API's
 * resolvers with the store recorded, so the store baseline replays exactly its commands, level by
 * level (in parallel within a level, as the resolvers send them).
 */
async function readMix(store: Store): Promise<MixEntry[]> {
  installStoreRecorder();
  const api = createDirectExecutor(store);
  const reported: string[] = [];
  for (let index = 0; index < 40; index += 1) {
    const result = await api.execute(REPORT, { input: { category: 'STRAY_STALL', description: `吞吐测试 #${index}`, source: 'PATROL', serviceCode: 'dingnan-ST01AV' } }, admin);
    reported.push((result.data as { reportIssue: { issue: { id: string } } }).reportIssue.issue.id);
  }
  const entries = [
    ...['dn-s-01', 'dn-s-04', 'dn-s-07', 'dn-s-10'].map((id) => ({ name: 'station', query: STATION_READ, variables: { id }, authorized: true })),
    { name: 'issues', query: ISSUES_READ, variables: {}, authorized: true },
    ...reported.slice(0, 2).map((id) => ({ name: 'issue', query: ISSUE_READ, variables: { id }, authorized: true })),
    { name: 'district', query: DISTRICT_READ, variables: {}, authorized: true },
    ...['dingnan-ST02SA', 'dingnan-ST07AT'].map((code) => ({ name: 'lookup', query: LOOKUP_READ, variables: { code }, authorized: false })),
  ];
  const mix: MixEntry[] = [];
  for (const entry of entries) {
    const { result, requests } = await recordStore(() => api.execute(entry.query, entry.variables, entry.authorized ? admin : undefined));
    if (result.errors) throw new Error(`read mix ${entry.name}: ${result.errors.map((error) => error.message).join('; ')}`);
    if (requests.length === 0) throw new Error(`read mix ${entry.name}: no store command recorded`);
    const levels: MixEntry['levels'] = [];
    for (const { request, level } of levelsOf(requests)) (levels[level - 1] ??= []).push(request.sent);
    mix.push({ name: entry.name, body: JSON.stringify({ query: entry.query, variables: entry.variables }), authorized: entry.authorized, levels });
  }
  return mix;
}

interface LoadSlice {
  operations: number;
  seconds: number;
  errors: number;
  graphqlErrors: number;
  latencyP99Ms: number;
}

/** The same reads straight to DynamoDB Local: `connections` loops replaying the mix's commands for `seconds`. */
async function storeLoad(store: Store, mix: MixEntry[], connections: number, seconds: number): Promise<LoadSlice> {
  const deadline = performance.now() + seconds * 1000;
  const latencies: number[] = [];
  let [operations, errors] = [0, 0];
  const worker = async (offset: number) => {
    for (let index = offset; performance.now() < deadline; index += 1) {
      const entry = mix[index % mix.length]!;
      const started = performance.now();
      try {
        for (const level of entry.levels) {
          await Promise.all(level.map(({ constructor, input }) => store.doc.send(new (constructor as new (input: unknown) => Parameters<Store['doc']['send']>[0])(input))));
        }
        operations += 1;
        latencies.push(performance.now() - started);
      } catch {
        errors += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: connections }, (_unused, offset) => worker(offset)));
  return { operations, seconds: (performance.now() - started) / 1000, errors, graphqlErrors: 0, latencyP99Ms: p99(latencies) };
}

async function httpLoad(url: string, token: string, mix: MixEntry[], connections: number, seconds: number): Promise<LoadSlice> {
  let graphqlErrors = 0;
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: mix.map((entry) => ({
      method: 'POST' as const,
      path: entry.authorized ? '/graphql' : '/public/graphql',
      headers: { 'content-type': 'application/json', ...(entry.authorized ? { authorization: `Bearer ${token}` } : {}) },
      body: entry.body,
      onResponse: (_status: number, body: string) => {
        if (body.includes('"errors"')) graphqlErrors += 1;
      },
    })),
  });
  return { operations: result['2xx'], seconds: result.duration, errors: result.errors + result.non2xx + result.timeouts, graphqlErrors, latencyP99Ms: result.latency.p99 };
}

function total(slices: LoadSlice[]) {
  const operations = slices.reduce((sum, slice) => sum + slice.operations, 0);
  const seconds = slices.reduce((sum, slice) => sum + slice.seconds, 0);
  return {
    opsPerSecond: operations / seconds,
    operations,
    errors: slices.reduce((sum, slice) => sum + slice.errors, 0),
    graphqlErrors: slices.reduce((sum, slice) => sum + slice.graphqlErrors, 0),
    p99LatencyMs: Math.max(...slices.map((slice) => slice.latencyP99Ms)),
  };
}

/**
 * Throughput: `npm start`'s server (startLocalServer on loopback, the deploy bundle behind the
 * HTTP adapter) under autocannon, against the same reads sent straight to its DynamoDB Local at
 * the same concurrency: `seconds` each, in `slices` alternating slices, after a short unrecorded
 * warm-up of each. Operations per second count completed mix entries (2xx HTTP responses).
 */
export async function benchThroughput(options: { dataDir: string; connections: number; seconds: number; slices: number; warmUpSeconds: number }): Promise<ThroughputResult> {
  await rm(options.dataDir, { recursive: true, force: true });
  await mkdir(options.dataDir, { recursive: true });
  const server = await startServerProcess(options.dataDir);
  const store = createStore({ tableName: LOCAL_TABLE_NAME, endpoint: server.endpoint, region: 'cn-north-1' });
  try {
    const mix = await readMix(store);
    await httpLoad(server.url, server.token, mix, options.connections, options.warmUpSeconds);
    await storeLoad(store, mix, options.connections, options.warmUpSeconds);
    // Alternating slices (ABBA), so a noisy neighbour on this shared machine hits both sides alike.
    const [http, direct]: [LoadSlice[], LoadSlice[]] = [[], []];
    const slice = options.seconds / options.slices;
    for (let round = 0; round < options.slices; round += 1) {
      const runHttp = async () => void http.push(await httpLoad(server.url, server.token, mix, options.connections, slice));
      const runStore = async () => void direct.push(await storeLoad(store, mix, options.connections, slice));
      for (const run of round % 2 === 0 ? [runHttp, runStore] : [runStore, runHttp]) await run();
    }
    return { http: total(http), store: total(direct), connections: options.connections, seconds: options.seconds, mix: mix.map((entry) => entry.name) };
  } finally {
    store.doc.destroy();
    server.child.kill('SIGTERM');
    await once(server.child, 'exit');
  }
}
