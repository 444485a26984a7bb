import { createHash } from 'node:crypto';
import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import type { Role } from '../../../functions/domain/caller';
import { cursorKey, decodeCursor, encodeCursor } from '../../../functions/store/cursor';
import { variablesOf, type FuzzPools } from '../../support/argument-arbitraries';
import { TEST_CURSOR_KEY } from '../../support/cursor-key';
import { callGraphql, claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, OUTSIDE_EVERY_GRID, REPORT } from '../../support/issue-operations';
import { loadSchema, rootOperations, type RootOperation } from '../../support/schema-operations';
import { districtFile, seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';
import { trackAcceptedWrites } from '../../support/write-tracker';

/**
 * Error hygiene under hostile input (README, Hardening and operations: the error-hygiene bar): every Query and Mutation field of the SDL,
 * enumerated from schema/*.graphql, gets generated variables (wrong types, huge and odd strings,
 * extreme numbers, nulls, missing and unknown fields, forged and foreign ids, cursors and service
 * codes) from every kind of caller, through the real Lambda handler on DynamoDB Local. Each answer:
 * no 5xx, no INTERNAL_SERVER_ERROR, nothing from inside (stack frames, paths, SDK names, key
 * layout); and a rejected call stores nothing.
 *
 * "Stores nothing" is checked twice: per call, DynamoDB accepted no write during a rejected call
 * (every client's send is watched, the handler's included); per operation, when none of its calls
 * had a write accepted, a fingerprint of the whole table is unchanged, which also proves the
 * watch misses no write path. (Scanning the table after every call would cost minutes.)
 */
const RUNS_PER_OPERATION = 100;
const MINIMUM_TOTAL = 2000;
const SEED = 20261121;

type Claims = Record<string, string> | undefined;

const CALLERS: { weight: number; arbitrary: fc.Arbitrary<Claims> }[] = [
  { weight: 5, arbitrary: fc.constant(claimsFor('dingnan', 'ADMIN')) },
  ...(['SUPERVISOR', 'SCHEDULER'] as Role[]).map((role) => ({ weight: 2, arbitrary: fc.constant<Claims>(claimsFor('dingnan', role)) })),
  { weight: 2, arbitrary: fc.constant(claimsFor('dingnan', 'OFFICER', 'dn-o-01-1')) },
  { weight: 2, arbitrary: fc.constant<Claims>(undefined) },
  { weight: 1, arbitrary: fc.constant(claimsFor('xian-gangwu', 'ADMIN')) },
];

/** What an answer must never carry: stack frames, file paths, SDK and DynamoDB vocabulary, the key layout, JS runtime errors. */
const INTERNALS = [
  /\bat [\w$.<>]+ \(/,
  /\\n\s+at /,
  /node_modules|\/work\/|\/var\/task|\.(?:ts|js|cjs|mjs):\d+/,
  /[A-Z][A-Za-z]+Exception\b|DynamoDB|aws-sdk|\$metadata|\$fault|ConditionExpression|ExpressionAttribute|TableName|ClientRequestToken|CancellationReasons/,
  /\bGSI\d|"PK"|"SK"/,
  /TypeError|RangeError|ReferenceError|Cannot read propert|is not a function|is not iterable/,
  /INTERNAL_SERVER_ERROR|Internal server error/,
];

let store: TestStore;
let scanner: DynamoDBClient;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let pools: FuzzPools;
let writes: ReturnType<typeof trackAcceptedWrites>;
const operations = rootOperations(loadSchema());

/** A hash of every item of the test table, as DynamoDB returns it (tests may Scan; request paths may not). */
async function tableFingerprint(): Promise<string> {
  const items: string[] = [];
  let startKey: ScanCommand['input']['ExclusiveStartKey'];
  do {
    const page = await scanner.send(new ScanCommand({ TableName: store.tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) items.push(JSON.stringify(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : 1))));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return `${items.length}:${createHash('sha256').update(items.sort().join('\n')).digest('hex')}`;
}

/** Every string the call sent (values and keys), so an answer quoting the caller's own input is not mistaken for a leak. */
function sentStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(sentStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...sentStrings(inner)]);
  return [];
}

function withoutEchoes(body: string, variables: Record<string, unknown>): string {
  return sentStrings(variables)
    .filter((text) => text.length >= 3)
    .sort((a, b) => b.length - a.length)
    .reduce((rest, text) => rest.split(JSON.stringify(text).slice(1, -1)).join('').split(text).join(''), body);
}

const admin = claimsFor('dingnan', 'ADMIN');

async function answer(query: string, variables: Record<string, unknown>, claims: Claims = admin): Promise<Record<string, any>> {
  const response = await callGraphql(handler, query, { variables, ...(claims ? { claims } : {}) });
  expect(response.errors).toBeUndefined();
  return response.data!;
}

const cursorOf = async (list: string, claims: Claims = admin): Promise<string> =>
  (await answer(`{ ${list}(first: 1) { pageInfo { endCursor } } }`, {}, claims))[list].pageInfo.endCursor;

/** A list's own cursor sealed anew (with the test key) around other key values: well-formed, but naming a key the list never read. */
async function forgedCursor(genuine: string, values: string[]): Promise<string> {
  const key = await cursorKey(TEST_CURSOR_KEY).aesKey();
  return encodeCursor(key, { fingerprint: decodeCursor(key, genuine).fingerprint, values });
}

/** The readable cursors of old (base64 JSON naming the table keys): refused as garbage now. */
const readableCursor = (districtId: string, list: string, key: Record<string, string>) => Buffer.from(JSON.stringify({ d: districtId, l: list, k: key })).toString('base64url');

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  await seed(store, 'xian-gangwu');
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
  handler = await loadHandler(store);
  const xianAdmin = claimsFor('xian-gangwu', 'ADMIN');
  const report = (location: object, claims: Claims) =>
    answer(REPORT, { input: { category: 'ILLEGAL_DUMPING', description: '路边堆放垃圾', source: 'PATROL', location } }, claims).then((data) => data.reportIssue.issue.id as string);
  const issueIds = [await report(INSIDE_DN_01_1, admin), await report(OUTSIDE_EVERY_GRID, admin), await report(OUTSIDE_EVERY_GRID, xianAdmin)];
  const activity = await answer(`mutation { recordActivity(input: { kind: SERVICE_SESSION, title: "服务群众面对面", stationId: "dn-s-01", startsAt: "2026-11-17T09:00:00+08:00", endsAt: "2026-11-17T11:00:00+08:00", officerIds: ["dn-o-01-2"] }) { id } }`, {});
  const roster = await answer(`mutation { generateRoster(week: "2026-W48") { shifts { id } } }`, {});
  const dingnan = districtFile('dingnan');
  const xian = districtFile('xian-gangwu');
  pools = {
    ids: [
      ...dingnan.stations.slice(0, 3).map((station) => station.id),
      ...dingnan.officers.slice(0, 4).map((officer) => officer.id),
      ...dingnan.grids.slice(0, 2).map((grid) => grid.id),
      ...xian.stations.slice(0, 1).map((station) => station.id),
      ...xian.officers.slice(0, 1).map((officer) => officer.id),
      ...issueIds,
      activity.recordActivity.id,
    ],
    cursors: [
      ...(await Promise.all(['stations', 'grids', 'officers', 'issues', 'activities'].map((list) => cursorOf(list)))),
      await cursorOf('stations', xianAdmin),
      await forgedCursor(await cursorOf('stations'), ['D#xian-gangwu', 'STATION#xg-s-01']),
      await forgedCursor(await cursorOf('stations'), ['D#dingnan', 'STATION#dn-s-01', 'x']),
      await forgedCursor(await cursorOf('issues'), ['D#dingnan', 'DISTRICT', 'D#dingnan#ISSUES', '']),
      readableCursor('dingnan', 'ISSUES:GSI1:D#dingnan#ISSUES', { PK: 'D#dingnan', SK: 'DISTRICT', GSI1PK: 'D#dingnan#ISSUES', GSI1SK: 'x' }),
    ],
    serviceCodes: [...dingnan.stations.slice(0, 3).map((station) => station.serviceCode), xian.stations[0]!.serviceCode, 'dingnan-NOPE0000', 'nowhere-AB12'],
    shiftIds: [...roster.generateRoster.shifts.slice(0, 3).map((shift: { id: string }) => shift.id), '2026-11-23.EARLY.xg-s-01', '2026-02-30.EARLY.dn-s-01'],
  };
  scanner = new DynamoDBClient({ endpoint: store.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  writes = trackAcceptedWrites();
});
afterAll(async () => {
  jest.restoreAllMocks();
  scanner.destroy();
  await store.drop();
});

/** Calls of the current operation during which DynamoDB accepted a write. */
let writingCalls = 0;

/** Sends one generated call and checks the answer; answers whether the call reached its resolver. */
async function sendAndCheck(operation: RootOperation, claims: Claims, variables: Record<string, unknown>): Promise<boolean> {
  writes.take();
  const result = await handler(graphqlEvent({ query: operation.document, variables }, claims), lambdaContext());
  const accepted = writes.take();
  const body = result.body ?? '';
  const status = result.statusCode ?? 200;
  const parsed = JSON.parse(body) as { data?: Record<string, unknown> | null; errors?: { extensions?: { code?: string; fields?: unknown } }[] };
  const errors = parsed.errors ?? [];
  const context = `${operation.field} ${status} ${body.slice(0, 600)}`;

  expect([context, status < 500]).toEqual([context, true]);
  for (const error of errors) expect([context, typeof error.extensions?.code]).toEqual([context, 'string']);
  const unquoted = withoutEchoes(body, variables);
  const leaks = INTERNALS.flatMap((pattern) => {
    const found = pattern.exec(unquoted);
    return found ? [`${String(pattern)} in …${unquoted.slice(Math.max(0, found.index - 300), found.index + 200)}…`] : [];
  });
  expect([context, leaks]).toEqual([context, []]);
  const rejected = errors.length > 0 && parsed.data?.[operation.field] == null;
  if (rejected) expect([context, accepted]).toEqual([context, []]);
  if (accepted.length > 0) writingCalls += 1;
  // Past GraphQL's own checks: an answer, or an error a resolver raised (zod's BAD_USER_INPUT names fields).
  return errors.length === 0 || errors.some((error) => error.extensions?.code !== 'BAD_USER_INPUT' || error.extensions.fields !== undefined);
}

describe(`error hygiene: ${operations.length} operations × ${RUNS_PER_OPERATION} generated inputs = ${operations.length * RUNS_PER_OPERATION}`, () => {
  test(`given the SDL, when its operations are enumerated, then every Query and Mutation field is covered and the inputs total at least ${MINIMUM_TOTAL}`, () => {
    const fields = operations.map((operation) => operation.field);
    expect(fields).toEqual(expect.arrayContaining(['district', 'stationByServiceCode', 'issues', 'reportIssue', 'rejectIssue', 'generateRoster', 'checkIn', 'computeCompliance']));
    expect(new Set(fields).size).toBe(fields.length);
    expect(operations.length * RUNS_PER_OPERATION).toBeGreaterThanOrEqual(MINIMUM_TOTAL);
  });

  test('given a call that stores something, when it is sent, then the watch sees its write (and the ADMIN write\'s audit record) and the fingerprint moves', async () => {
    const before = await tableFingerprint();
    writes.take();

    await answer(`mutation { createOfficer(input: { name: "王芳", role: VOLUNTEER }) { id } }`, {});

    expect(writes.take()).toEqual(['TransactWriteCommand', 'BatchWriteCommand']);
    expect(await tableFingerprint()).not.toBe(before);
  });

  test.each(operations.map((operation, index) => [operation.field, operation, index] as const))(
    `given ${RUNS_PER_OPERATION} generated inputs to %s, when sent through the handler, then no internal error or leak and rejected calls store nothing`,
    async (_field, operation, index) => {
      const before = await tableFingerprint();
      writingCalls = 0;
      let reachedResolver = 0;
      await fc.assert(
        fc.asyncProperty(fc.oneof(...CALLERS), variablesOf(operation.args, pools), async (claims, variables) => {
          if (await sendAndCheck(operation, claims, variables)) reachedResolver += 1;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      expect(reachedResolver).toBeGreaterThan(0);
      if (writingCalls === 0) expect(await tableFingerprint()).toBe(before);
    },
    // 100 calls each, and a generateRoster that is accepted plans a whole week: minutes on a busy
    // machine. A call cut off by a timeout would write during the next operation's check.
    600_000,
  );
});
