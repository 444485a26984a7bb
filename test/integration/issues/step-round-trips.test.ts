import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor } from '../../support/seeded-executor';

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const clock = movingClock('2026-11-22T02:00:00Z');

/** What a front end asks of a step: the issue's new state and who handles it. */
const stepPayload = 'id status version assignee { id name }';
const stepOf = (mutation: string, params = '', args = '') =>
  `mutation Step($id: ID!${params}) { ${mutation}(id: $id${args}) { ${stepPayload} } }`;
const ASSIGN = stepOf('assignIssue', ', $assigneeId: ID!', ', assigneeId: $assigneeId');
const START = stepOf('startIssue');
const RESOLVE = stepOf('resolveIssue', ', $note: String', ', note: $note');
const TRANSFER = stepOf('transferIssue', ', $department: String!', ', department: $department');
const CLOSE = stepOf('closeIssue', ', $satisfaction: Satisfaction', ', satisfaction: $satisfaction');
const REOPEN = stepOf('reopenIssue', ', $note: String!', ', note: $note');
const REJECT = stepOf('rejectIssue', ', $reason: String!, $duplicateOf: ID', ', reason: $reason, duplicateOf: $duplicateOf');
const CONFIRM_STAFF = `mutation Confirm($id: ID!) { confirmIssue(id: $id) { ${stepPayload} confirmations } }`;
const CONFIRM_PUBLIC = `mutation Confirm($id: ID!, $code: String) { confirmIssue(id: $id, serviceCode: $code) { id status confirmations } }`;
const REPORT = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } trackingCode } }`;
const TRACK = `query Track($code: String!) { trackIssue(trackingCode: $code) {
  id status station { name address } dueAt canRate timeline { id at action status summary } } }`;
const RATE = `mutation Rate($code: String!, $satisfaction: Satisfaction!) { rateIssue(trackingCode: $code, satisfaction: $satisfaction) { status satisfaction canRate station { name } } }`;

let fixture: Awaited<ReturnType<typeof seededExecutor>>;
let serviceCode: string;

beforeAll(async () => {
  fixture = await seededExecutor({ clock: clock.now });
  serviceCode = (await fixture.executor.execute(`{ stations(first: 1) { edges { node { serviceCode } } } }`, { claims: claimsFor('dingnan', 'ADMIN') })).data!.stations.edges[0].node
    .serviceCode;
});
afterAll(() => fixture.stop());

/** Runs one operation and answers its sequential round trips, after checking it succeeded. */
async function levelsOf(query: string, variables: Record<string, unknown>, options: { claims?: Record<string, string>; clientAddress?: string } = { claims: supervisor }): Promise<number> {
  const result = await fixture.executor.execute(query, { variables, ...options });
  expect(result.errors).toBeUndefined();
  return result.levels;
}

/** A walk-in report in grid DN-01-1: ASSIGNED to its leader, with a tracking code for the resident. */
async function reported(): Promise<{ id: string; trackingCode: string }> {
  const input = { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1 };
  const result = await fixture.executor.execute(REPORT, { variables: { input }, claims: supervisor });
  expect(result.errors).toBeUndefined();
  return { id: result.data!.reportIssue.issue.id, trackingCode: result.data!.reportIssue.trackingCode };
}

describe('workflow steps round trips', () => {
  test('given an assigned report, when each step of its life is taken with its assignee in the payload, then each costs at most 3 sequential round trips', async () => {
    const { id } = await reported();

    expect(await levelsOf(ASSIGN, { id, assigneeId: 'dn-o-01-2' })).toBeLessThanOrEqual(3);
    expect(await levelsOf(START, { id })).toBeLessThanOrEqual(3);
    expect(await levelsOf(RESOLVE, { id, note: '已更换井盖' })).toBeLessThanOrEqual(3);
    expect(await levelsOf(CLOSE, { id, satisfaction: 'SATISFIED' })).toBeLessThanOrEqual(3);
    expect(await levelsOf(REOPEN, { id, note: '井盖又松动' })).toBeLessThanOrEqual(3);
  });

  test('given open reports, when one is transferred and one rejected as a duplicate of it, then each costs at most 3 sequential round trips', async () => {
    const first = await reported();
    const second = await reported();

    expect(await levelsOf(TRANSFER, { id: first.id, department: '住建局' })).toBeLessThanOrEqual(3);
    expect(await levelsOf(REJECT, { id: second.id, reason: '重复上报', duplicateOf: first.id })).toBeLessThanOrEqual(3);
  });
});

describe('confirmIssue round trips', () => {
  test('given an open report, when staff confirm it with its assignee in the payload, then it costs at most 3 sequential round trips', async () => {
    const { id } = await reported();

    expect(await levelsOf(CONFIRM_STAFF, { id })).toBeLessThanOrEqual(3);
  });

  test('given an open report, when a resident confirms it through a service code, then it costs at most 3 sequential round trips', async () => {
    const { id } = await reported();

    expect(await levelsOf(CONFIRM_PUBLIC, { id, code: serviceCode }, { clientAddress: '203.0.113.21' })).toBeLessThanOrEqual(3);
  });
});

describe('tracking round trips', () => {
  test('given a report with a tracking code, when the resident tracks it with its station and timeline, then it costs at most 3 sequential round trips', async () => {
    const { trackingCode } = await reported();

    expect(await levelsOf(TRACK, { code: trackingCode }, { clientAddress: '203.0.113.22' })).toBeLessThanOrEqual(3);
  });

  test('given a resolved report, when the resident rates it through the tracking code, then it costs at most 3 sequential round trips', async () => {
    const { id, trackingCode } = await reported();
    for (const [query, variables] of [
      [START, { id }],
      [RESOLVE, { id, note: '已更换井盖' }],
    ] as const)
      expect((await fixture.executor.execute(query, { variables, claims: supervisor })).errors).toBeUndefined();

    expect(await levelsOf(RATE, { code: trackingCode, satisfaction: 'SATISFIED' }, { clientAddress: '203.0.113.23' })).toBeLessThanOrEqual(3);
  });
});
