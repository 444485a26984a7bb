import { claimsFor } from '../../support/graphql-handler';
import { CLOSE, INSIDE_DN_01_1, RESOLVE, START } from '../../support/issue-operations';
import { seededExecutor } from '../../support/seeded-executor';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const REPORT = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } } }`;
const CONFIRM_STAFF = `mutation Confirm($id: ID!) { confirmIssue(id: $id) { confirmations } }`;
const CONFIRM_PUBLIC = `mutation Confirm($id: ID!, $code: String) { confirmIssue(id: $id, serviceCode: $code) { confirmations } }`;
const CONFIRMATIONS = `query Issue($id: ID!) { issue(id: $id) { status confirmations } }`;

let fixture: Awaited<ReturnType<typeof seededExecutor>>;

beforeAll(async () => {
  fixture = await seededExecutor();
});
afterAll(() => fixture.stop());

const staff = (query: string, variables: Record<string, unknown>, claims = supervisor) => fixture.executor.execute(query, { variables, claims });

async function reported(): Promise<string> {
  const input = { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'WALK_IN', location: INSIDE_DN_01_1 };
  const result = await staff(REPORT, { input });
  expect(result.errors).toBeUndefined();
  return result.data!.reportIssue.issue.id;
}

async function confirmationsOf(id: string): Promise<number> {
  return (await staff(CONFIRMATIONS, { id })).data!.issue.confirmations;
}

describe('confirmIssue refused', () => {
  test('given a closed issue, when staff confirm it, then CONFLICT naming its status, and the count is unchanged', async () => {
    const id = await reported();
    for (const [query, variables] of [
      [START, { id }],
      [RESOLVE, { id }],
      [CLOSE, { id, satisfaction: 'SATISFIED' }],
    ] as const)
      expect((await staff(query, variables)).errors).toBeUndefined();

    const result = await staff(CONFIRM_STAFF, { id });

    expect(result.errors!.map((error) => [error.extensions.code, error.message])).toEqual([['CONFLICT', `Issue ${id} is CLOSED: report the problem again instead`]]);
    expect(await confirmationsOf(id)).toBe(0);
  });

  test('given no such issue, when staff confirm it, then NOT_FOUND and nothing is written', async () => {
    const result = await staff(CONFIRM_STAFF, { id: 'no-such-issue' });

    expect(result.errors!.map((error) => error.extensions.code)).toEqual(['NOT_FOUND']);
    expect((await staff(CONFIRMATIONS, { id: 'no-such-issue' })).errors!.map((error) => error.extensions.code)).toEqual(['NOT_FOUND']);
  });

  test('given a deactivated station, when a resident confirms through its code, then BAD_USER_INPUT on serviceCode and the count is unchanged', async () => {
    const id = await reported();
    const station = (await staff(`{ stations(first: 1) { edges { node { id serviceCode } } } }`, {}, admin)).data!.stations.edges[0].node;
    expect((await staff(`mutation D($id: ID!) { deactivateStation(id: $id) { active } }`, { id: station.id }, admin)).errors).toBeUndefined();

    const result = await fixture.executor.execute(CONFIRM_PUBLIC, { variables: { id, code: station.serviceCode }, clientAddress: '203.0.113.31' });

    expect(result.errors!.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', fields: [{ path: 'serviceCode', message: 'is not the code of an active station' }] }]);
    expect(await confirmationsOf(id)).toBe(0);
  });
});
