import { claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { districtFile, seed } from '../../support/seeded-district';
import { createTestStore, type TestStore } from '../../support/test-store';

/**
 * What the API logs, at its most verbose, for calls that carry personal data and a token: the
 * reporter's contact, an officer's phone and the bearer token must never reach a log line
 * (docs/security.md). Powertools' dev mode writes through the console, which the test captures.
 */
const CONTACT = '13912345678';
const PHONE = '13787654321';
const TOKEN = 'eyJhbGciOiJFUzI1NiJ9.sentinel-token-that-must-not-be-logged.c2lnbmF0dXJl';
const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');

let store: TestStore;
let handler: Awaited<ReturnType<typeof loadHandler>>;
let logged: string[];

beforeAll(async () => {
  store = await createTestStore();
  await seed(store, 'dingnan');
  process.env.POWERTOOLS_DEV = 'true';
  process.env.POWERTOOLS_LOG_LEVEL = 'DEBUG';
  // As deployed: the stack serves one district, so another district's token is logged and refused.
  process.env.DISTRICT_ID = 'dingnan';
  handler = await loadHandler(store);
});
afterAll(() => store.drop());
beforeEach(() => {
  logged = [];
  for (const method of ['error', 'warn', 'info', 'log', 'debug'] as const) {
    jest.spyOn(console, method).mockImplementation((...args) => void logged.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')));
  }
});
afterEach(() => jest.restoreAllMocks());

/** A request as API Gateway passes it, the bearer token still in its headers. */
async function withToken(query: string, variables: Record<string, unknown>, claims: Record<string, string> | undefined) {
  const event = graphqlEvent({ query, variables }, claims);
  event.headers.authorization = `Bearer ${TOKEN}`;
  const result = await handler(event, lambdaContext());
  return JSON.parse(result.body ?? '{}') as { data?: Record<string, any>; errors?: unknown[] };
}

describe('log hygiene', () => {
  test('given a resident’s report, a supervisor reading its contact and an admin setting a phone, when logged at DEBUG, then no contact, phone or token is in any line', async () => {
    const code = districtFile('dingnan').stations[0]!.serviceCode;
    const reported = await withToken(
      `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`,
      { input: { category: 'MESSY_WIRING', description: '楼道飞线充电', serviceCode: code, reporterContact: CONTACT, location: INSIDE_DN_01_1 } },
      undefined,
    );
    const id = reported.data!.reportIssue.issue.id as string;
    const read = await withToken(`query I($id: ID!) { issue(id: $id) { reporterContact } }`, { id }, supervisor);
    const phone = await withToken(`mutation O($input: UpdateOfficerInput!) { updateOfficer(input: $input) { phone } }`, { input: { id: 'dn-o-01-3', phone: PHONE } }, admin);
    const refused = await withToken(`mutation O($input: UpdateOfficerInput!) { updateOfficer(input: $input) { phone } }`, { input: { id: 'dn-o-01-3', phone: `${PHONE}x` } }, admin);

    expect(read.data!.issue.reporterContact).toBe(CONTACT);
    expect(phone.data!.updateOfficer.phone).toBe(PHONE);
    expect(refused.errors).toBeDefined();
    expect(logged.length).toBeGreaterThan(0);
    const leaks = logged.filter((line) => [CONTACT, PHONE, TOKEN, 'sentinel-token'].some((secret) => line.includes(secret)));
    expect(leaks).toEqual([]);
  });

  test('given a token of another district, when it is treated as anonymous, then the warning names the districts, not the token or the caller', async () => {
    const response = await withToken(`{ district { id } }`, {}, claimsFor('xian-gangwu', 'ADMIN'));

    expect(response.errors).toBeDefined();
    const warning = logged.find((line) => line.includes('Token of another district'));
    expect(warning).toMatch(/xian-gangwu/);
    expect(warning).toMatch(/dingnan/);
    expect(logged.join('\n')).not.toMatch(/sentinel|admin-xian-gangwu/);
  });
});
