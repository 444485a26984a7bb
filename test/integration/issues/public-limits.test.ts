import { claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor } from '../../support/seeded-executor';
import { seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const clock = movingClock('2026-11-21T06:00:05Z');

let fixture: Awaited<ReturnType<typeof seededExecutor>>;
let codes: string[];

beforeAll(async () => {
  fixture = await seededExecutor({ clock: clock.now });
  codes = (await fixture.executor.execute(`{ stations(first: 3) { edges { node { serviceCode } } } }`, { claims: admin })).data!.stations.edges.map(
    (edge: { node: { serviceCode: string } }) => edge.node.serviceCode,
  );
});
afterAll(() => fixture.stop());

const reportFrom = async (clientAddress: string, serviceCode: string) => {
  const result = await fixture.executor.execute(REPORT, { variables: { input: { category: 'OTHER', description: `来自 ${clientAddress}`, serviceCode } }, clientAddress });
  return result.errors?.[0]?.extensions.code ?? 'OK';
};
const storedSince = async (from: string) =>
  (await fixture.executor.execute(`{ issues(filter: { reportedFrom: "${from}" }, first: 100) { edges { node { id } } } }`, { claims: admin })).data!.issues.edges.length;

describe('public rate limits with the default policy', () => {
  test('given two clients flooding one station, when each goes over its own budget, then only their excess is refused and a third resident still reports', async () => {
    clock.set('2026-11-21T06:00:05Z');
    const first = [];
    const second = [];
    for (let n = 0; n < 11; n += 1) first.push(await reportFrom('198.51.100.1', codes[0]!));
    for (let n = 0; n < 11; n += 1) second.push(await reportFrom('198.51.100.2', codes[0]!));

    const resident = await reportFrom('198.51.100.3', codes[0]!);

    expect(first).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED']);
    expect(second).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED']);
    expect(resident).toBe('OK');
    expect(await storedSince('2026-11-21T06:00:00Z')).toBe(21);
  });

  test('given residents behind one address (a station Wi-Fi), when they report through several codes, then each code allows 10 and the address 30 in all', async () => {
    clock.set('2026-11-21T07:00:05Z');
    const outcomes = [];
    for (const code of codes) for (let n = 0; n < 11; n += 1) outcomes.push(await reportFrom('192.0.2.50', code));

    expect(outcomes.filter((outcome) => outcome === 'OK')).toHaveLength(30);
    expect(outcomes.slice(0, 11)).toEqual([...Array(10).fill('OK'), 'RATE_LIMITED']);
    expect(await storedSince('2026-11-21T07:00:00Z')).toBe(30);
  });
});

describe('the answer to a refused call', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await createTestStore();
    await seed(store, 'dingnan');
  });
  afterAll(() => store.drop());

  test('given a client over its budget, when it reports over HTTP, then 429 with a Retry-After header and the seconds in the body', async () => {
    const handler = await loadHandler(store);
    const code = (await seed(store, 'dingnan')).stations[1]!.serviceCode;
    await handler(graphqlEvent({ query: `mutation { updateIssuePolicy(input: { publicReportsPerAddressAndCodePerMinute: 1 }) { version } }` }, admin), lambdaContext());
    const send = () => handler(graphqlEvent({ query: REPORT, variables: { input: { category: 'OTHER', description: 'x', serviceCode: code } } }), lambdaContext());

    // The handler's clock is real: with one call a minute allowed, three calls meet a refusal even across a minute's turn.
    const answers = [await send(), await send(), await send()];

    const refused = answers.filter((answer) => answer.statusCode === 429);
    expect(refused.length).toBeGreaterThanOrEqual(1);
    expect(answers.filter((answer) => answer.statusCode !== 429).map((answer) => answer.statusCode ?? 200)).toEqual(Array(3 - refused.length).fill(200));
    for (const answer of refused) {
      const body = JSON.parse(answer.body!);
      expect(body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(Number(answer.headers!['retry-after'])).toBe(body.errors[0].extensions.retryAfterSeconds);
    }
  });
});
