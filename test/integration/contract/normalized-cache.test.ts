import { ApolloClient, HttpLink, InMemoryCache, gql, type DocumentNode } from '@apollo/client';
import type { Role } from '../../../functions/domain/caller';
import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1 } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';

/**
 * A front end's Apollo Client (InMemoryCache, HttpLink) over the API's server in-process: after
 * each mutation that answers a cached object, the cache, read without the network, shows what
 * the server now has. That holds because every such object has a stable `id`: the answer
 * replaces the object the earlier query cached, under `<__typename>:<id>`.
 */

const ROSTER_WEEK = '2026-W48';
const COMPLIANCE_WEEK = '2026-W47';
const LEAVE_WEEK = '2026-W50';
const clock = movingClock('2026-11-20T18:00:00+08:00');

let executor: CountingExecutor;
let stop: () => Promise<void>;
let client: ApolloClient;
/** Requests the client sent: a read from the cache sends none. */
let requests = 0;

/** The client's fetch: the operation goes to the server in-process with the claims of the role the request's context names. */
async function inProcessFetch(_uri: Parameters<typeof fetch>[0], init?: RequestInit): Promise<Response> {
  requests += 1;
  const { query, variables } = JSON.parse(String(init?.body)) as { query: string; variables?: Record<string, unknown> };
  const headers = new Headers(init?.headers);
  const role = (headers.get('x-test-role') ?? 'ADMIN') as Role;
  const result = await executor.execute(query, { variables, claims: claimsFor('dingnan', role, headers.get('x-test-officer') ?? undefined) });
  return new Response(JSON.stringify({ data: result.data, errors: result.errors }), { status: 200, headers: { 'content-type': 'application/json' } });
}

const as = (role: Role) => ({ headers: { 'x-test-role': role } });

beforeAll(async () => {
  ({ executor, stop } = await seededExecutor({ clock: clock.now }));
  client = new ApolloClient({ link: new HttpLink({ uri: '/graphql', fetch: inProcessFetch }), cache: new InMemoryCache() });
});
afterAll(() => stop());

/** Deep copy without the `__typename` fields Apollo Client adds to what it asks. */
function withoutTypename(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTypename);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '__typename').map(([key, inner]) => [key, withoutTypename(inner)]));
  }
  return value;
}

/** What the cache holds for a query, without a request (null when it cannot answer it whole). */
function cached(query: DocumentNode, variables: Record<string, unknown> = {}): unknown {
  const before = requests;
  const data = client.readQuery({ query, variables });
  expect(requests).toBe(before);
  return withoutTypename(data);
}

/** What the server answers the same query now (straight to the server, not through the client). */
async function server(query: DocumentNode, variables: Record<string, unknown> = {}, role: Role = 'ADMIN'): Promise<unknown> {
  const { print } = await import('graphql');
  const result = await executor.execute(print(query), { variables, claims: claimsFor('dingnan', role) });
  expect(result.errors).toBeUndefined();
  return result.data;
}

/** Runs a mutation through the client and answers its data; exactly one request goes out (nothing is refetched). */
async function mutate<T = any>(mutation: DocumentNode, variables: Record<string, unknown>, role: Role = 'ADMIN', update?: Parameters<ApolloClient['mutate']>[0]['update']): Promise<T> {
  const before = requests;
  const result = await client.mutate({ mutation, variables, context: as(role), ...(update ? { update } : {}) });
  expect(requests).toBe(before + 1);
  return result.data as T;
}

async function query<T = any>(document: DocumentNode, variables: Record<string, unknown> = {}, role: Role = 'ADMIN'): Promise<T> {
  const result = await client.query({ query: document, variables, context: as(role), fetchPolicy: 'network-only' });
  return withoutTypename(result.data) as T;
}

describe('policies', () => {
  const POLICIES = gql`
    query Policies {
      district { id issuePolicy { id duplicateRadiusMeters duplicateWindowDays version } policy { id minSessionsPerWeek maxWeeklyDutyMinutes version } }
    }
  `;
  const UPDATE_ISSUE_POLICY = gql`
    mutation UpdateIssuePolicy($input: UpdateIssuePolicyInput!) { updateIssuePolicy(input: $input) { id duplicateRadiusMeters duplicateWindowDays version } }
  `;
  const UPDATE_DUTY_POLICY = gql`
    mutation UpdateDutyPolicy($input: UpdateDutyPolicyInput!) { updateDutyPolicy(input: $input) { id minSessionsPerWeek maxWeeklyDutyMinutes version } }
  `;

  test.each([
    { mutation: 'updateIssuePolicy', document: UPDATE_ISSUE_POLICY, input: { duplicateRadiusMeters: 80 }, id: 'dingnan:issue-policy' },
    { mutation: 'updateDutyPolicy', document: UPDATE_DUTY_POLICY, input: { maxWeeklyDutyMinutes: 2_400 }, id: 'dingnan:duty-policy' },
  ])('given the district’s policies in the cache, when $mutation answers, then the cached district shows the new policy without a refetch', async ({ mutation, document, input, id }) => {
    const before = await query(POLICIES);

    const answer = await mutate(document, { input });

    expect(answer[mutation].id).toBe(id);
    expect(cached(POLICIES)).toEqual(await server(POLICIES));
    expect(cached(POLICIES)).not.toEqual(before);
  });

  test('given a query and a mutation that leave `id` out, when the policy is updated, then the cache keeps the old value (what the ids fix)', async () => {
    const withoutIds = gql`
      query PoliciesWithoutIds { district { id issuePolicy { duplicateWindowDays version } } }
    `;
    const updateWithoutId = gql`
      mutation UpdateWithoutId($input: UpdateIssuePolicyInput!) { updateIssuePolicy(input: $input) { duplicateWindowDays version } }
    `;
    const before = await query(withoutIds);

    await mutate(updateWithoutId, { input: { duplicateWindowDays: 5 } });

    expect(cached(withoutIds)).toEqual(before);
    expect(cached(withoutIds)).not.toEqual(await server(withoutIds));
  });
});

const ROSTER = gql`
  query Roster($week: IsoWeek!) {
    roster(week: $week) {
      id status version publishedAt
      shifts { id date startsAt officers { id } attendance { id checkedInAt checkedOutAt officer { id } } }
    }
  }
`;
const ROSTER_FIELDS = 'id status version publishedAt';

describe('rosters and attendance', () => {
  const GENERATE = gql`
    mutation Generate($week: IsoWeek!, $force: Boolean) { generateRoster(week: $week, force: $force) { ${ROSTER_FIELDS} } }
  `;
  const PUBLISH = gql`
    mutation Publish($week: IsoWeek!) { publishRoster(week: $week) { ${ROSTER_FIELDS} } }
  `;

  test('given a generated week’s roster in the cache, when it is published and then generated again by force, then the cached roster shows each state without a refetch', async () => {
    clock.set('2026-11-20T18:00:00+08:00');
    const generated = await mutate(GENERATE, { week: ROSTER_WEEK });
    await query(ROSTER, { week: ROSTER_WEEK });

    await mutate(PUBLISH, { week: ROSTER_WEEK }, 'SUPERVISOR');
    const published = cached(ROSTER, { week: ROSTER_WEEK });
    await mutate(GENERATE, { week: ROSTER_WEEK, force: true });
    const regenerated = cached(ROSTER, { week: ROSTER_WEEK });

    expect(generated.generateRoster.id).toBe('dingnan:2026-W48');
    expect(published).toMatchObject({ roster: { status: 'PUBLISHED', publishedAt: expect.any(String) } });
    expect(regenerated).toMatchObject({ roster: { status: 'DRAFT' } });
    expect(regenerated).toEqual(await server(ROSTER, { week: ROSTER_WEEK }));
  });

  test('given the roster with its attendance in the cache, when an officer is checked in and then out, then the cached shift shows the check-in and the cached attendance the check-out', async () => {
    const { roster } = await query(ROSTER, { week: ROSTER_WEEK });
    const shift = roster.shifts.find((candidate: { officers: unknown[] }) => candidate.officers.length > 0);
    const officerId = shift.officers[0].id;
    clock.set(shift.startsAt);
    const checkIn = gql`
      mutation CheckIn($shiftId: ID!, $officerId: ID) {
        checkIn(shiftId: $shiftId, officerId: $officerId) { changed attendance { id checkedInAt checkedOutAt officer { id } } shift { id attendance { id } } }
      }
    `;
    const checkOut = gql`
      mutation CheckOut($shiftId: ID!, $officerId: ID) { checkOut(shiftId: $shiftId, officerId: $officerId) { attendance { id checkedOutAt } } }
    `;

    const checkedIn = await mutate(checkIn, { shiftId: shift.id, officerId }, 'SUPERVISOR');
    const afterCheckIn = cached(ROSTER, { week: ROSTER_WEEK });
    clock.advanceMinutes(120);
    await mutate(checkOut, { shiftId: shift.id, officerId }, 'SUPERVISOR');

    expect(checkedIn.checkIn.attendance.id).toBe(`${shift.id}:${officerId}`);
    expect(afterCheckIn).toMatchObject({ roster: { shifts: expect.arrayContaining([expect.objectContaining({ id: shift.id, attendance: [expect.objectContaining({ checkedOutAt: null })] })]) } });
    expect(cached(ROSTER, { week: ROSTER_WEEK })).toEqual(await server(ROSTER, { week: ROSTER_WEEK }));
    expect(JSON.stringify(cached(ROSTER, { week: ROSTER_WEEK }))).toContain('"checkedOutAt":"20');
  });
});

describe('leave', () => {
  const OFFICER_LEAVE = gql`
    query OfficerLeave($id: ID!, $week: IsoWeek!) { officer(id: $id) { id leave(week: $week) { id from to reason } } }
  `;
  const ADD_LEAVE = gql`
    mutation AddLeave($officerId: ID!, $from: Date!, $to: Date!, $reason: String) { addLeave(officerId: $officerId, from: $from, to: $to, reason: $reason) { id from to reason } }
  `;

  test('given an officer’s leave of a week in the cache, when addLeave answers (twice, the same leave), then the cached list shows it once, as the server does, without a refetch', async () => {
    const variables = { id: 'dn-o-02-2', week: LEAVE_WEEK };
    await query(OFFICER_LEAVE, variables);
    // What a front end writes: the new leave into the lists that hold it, once (its stable id says whether it is there).
    const addToLists: Parameters<ApolloClient['mutate']>[0]['update'] = (cache, { data }) => {
      const added = (data as { addLeave: { id: string } }).addLeave;
      cache.modify({
        id: cache.identify({ __typename: 'Officer', id: variables.id }),
        fields: {
          leave: (existing: readonly { __ref: string }[] = [], { toReference, readField }) =>
            existing.some((ref) => readField('id', ref) === added.id) ? existing : [...existing, toReference({ __typename: 'Leave', id: added.id })!],
        },
      });
    };
    const leave = { officerId: variables.id, from: '2026-12-08', to: '2026-12-09', reason: '年休' };

    const first = await mutate(ADD_LEAVE, leave, 'SUPERVISOR', addToLists);
    const again = await mutate(ADD_LEAVE, leave, 'SUPERVISOR', addToLists);

    expect(first.addLeave.id).toBe('dn-o-02-2:2026-12-08:2026-12-09');
    expect(again.addLeave.id).toBe(first.addLeave.id);
    expect(cached(OFFICER_LEAVE, variables)).toEqual(await server(OFFICER_LEAVE, variables));
    expect(cached(OFFICER_LEAVE, variables)).toMatchObject({ officer: { leave: [{ id: first.addLeave.id, reason: '年休' }] } });
  });
});

describe('compliance', () => {
  const COMPLIANCE = gql`
    query Compliance($week: IsoWeek!, $stationId: ID!) {
      complianceReport(week: $week) { id generatedAt compliantCount stations { id serviceMinutes qualifyingSessions compliant reasons } }
      station(id: $stationId) { id compliance(week: $week) { id serviceMinutes qualifyingSessions compliant reasons } }
    }
  `;
  const COMPUTE = gql`
    mutation Compute($week: IsoWeek!) {
      computeCompliance(week: $week) { id generatedAt compliantCount stations { id serviceMinutes qualifyingSessions compliant reasons } }
    }
  `;
  const RECORD_SESSION = `mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`;

  test('given a week’s report and a station’s verdict in the cache, when the week is computed again after a service session, then both cached paths show the new verdict without a refetch', async () => {
    clock.set('2026-11-23T02:00:00+08:00');
    const variables = { week: COMPLIANCE_WEEK, stationId: 'dn-s-03' };
    await mutate(COMPUTE, { week: COMPLIANCE_WEEK });
    const before = await query(COMPLIANCE, variables);
    const recorded = await executor.execute(RECORD_SESSION, {
      variables: {
        input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId: 'dn-s-03', startsAt: '2026-11-18T09:00:00+08:00', endsAt: '2026-11-18T12:00:00+08:00', officerIds: ['dn-o-03-1', 'dn-o-03-2'] },
      },
      claims: claimsFor('dingnan', 'SUPERVISOR'),
    });
    expect(recorded.errors).toBeUndefined();

    const answer = await mutate(COMPUTE, { week: COMPLIANCE_WEEK }, 'SCHEDULER');

    expect(answer.computeCompliance.id).toBe('dingnan:2026-W47:compliance');
    expect(cached(COMPLIANCE, variables)).toEqual(await server(COMPLIANCE, variables));
    expect(cached(COMPLIANCE, variables)).toMatchObject({ station: { compliance: { id: 'dingnan:2026-W47:compliance:dn-s-03' } } });
    expect((cached(COMPLIANCE, variables) as typeof before).station.compliance).not.toEqual(before.station.compliance);
  });
});

describe('issues', () => {
  const ISSUE_FIELDS = 'id status version assignee { id } history { id action fromStatus toStatus actor note }';
  const ISSUE = gql`query Issue($id: ID!) { issue(id: $id) { ${ISSUE_FIELDS} } }`;
  const REPORT = gql`mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { ${ISSUE_FIELDS} } } }`;
  const ASSIGN = gql`mutation Assign($id: ID!, $assigneeId: ID!) { assignIssue(id: $id, assigneeId: $assigneeId) { ${ISSUE_FIELDS} } }`;
  const START = gql`mutation Start($id: ID!) { startIssue(id: $id) { ${ISSUE_FIELDS} } }`;
  const RESOLVE = gql`mutation Resolve($id: ID!, $note: String) { resolveIssue(id: $id, note: $note) { ${ISSUE_FIELDS} } }`;
  const CLOSE = gql`mutation Close($id: ID!) { closeIssue(id: $id) { ${ISSUE_FIELDS} } }`;

  test('given an issue and its history in the cache, when it is assigned, started, resolved and closed, then after each step the cached issue and history are the server’s', async () => {
    clock.set('2026-11-24T09:00:00+08:00');
    const reported = await mutate(REPORT, { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '井盖破损', source: 'PATROL', location: INSIDE_DN_01_1 } }, 'SUPERVISOR');
    const id = reported.reportIssue.issue.id as string;
    await query(ISSUE, { id }, 'SUPERVISOR');
    const seen: unknown[] = [];

    for (const [mutation, variables] of [
      [ASSIGN, { id, assigneeId: 'dn-o-01-2' }],
      [START, { id }],
      [RESOLVE, { id, note: '已更换井盖' }],
      [CLOSE, { id }],
    ] as const) {
      clock.advanceMinutes(30);
      await mutate(mutation, variables, 'SUPERVISOR');
      seen.push(cached(ISSUE, { id }));
      expect(cached(ISSUE, { id })).toEqual(await server(ISSUE, { id }, 'SUPERVISOR'));
    }

    expect(seen.map((state) => (state as { issue: { status: string } }).issue.status)).toEqual(['ASSIGNED', 'IN_PROGRESS', 'RESOLVED', 'CLOSED']);
    const history = (seen.at(-1) as { issue: { history: { id: string; action: string }[] } }).issue.history;
    expect(history.map((event) => event.action).slice(-4)).toEqual(['ASSIGN', 'START', 'RESOLVE', 'CLOSE']);
    expect(history.map((event) => event.id)).toEqual(history.map((_event, index) => `${id}:${index + 1}`));
  });
});

describe('the normalized cache', () => {
  test('given every flow above, when the cache is read, then each object type that had no id is stored once under its own id', () => {
    const keys = Object.keys(client.cache.extract() as Record<string, unknown>);
    const typesStored = new Set(keys.map((key) => key.slice(0, key.indexOf(':'))));

    expect([...typesStored].filter((type) => ['IssuePolicy', 'DutyPolicy', 'Roster', 'Attendance', 'Leave', 'ComplianceReport', 'StationCompliance', 'IssueEvent'].includes(type)).sort()).toEqual(
      ['Attendance', 'ComplianceReport', 'DutyPolicy', 'IssueEvent', 'IssuePolicy', 'Leave', 'Roster', 'StationCompliance'],
    );
    expect(keys).toEqual(expect.arrayContaining(['IssuePolicy:dingnan:issue-policy', 'DutyPolicy:dingnan:duty-policy', 'Roster:dingnan:2026-W48', 'ComplianceReport:dingnan:2026-W47:compliance']));
  });
});
