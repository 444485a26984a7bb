import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { typeDefs } from '../../../functions/api/type-defs';
import {
  COMPLIANCE_REPORT,
  DASHBOARD,
  DISTRICT_READ,
  ISSUE_READ,
  ISSUES_PAGE,
  ISSUES_READ,
  LOOKUP_READ,
  REPORT_ISSUE,
  START_ISSUE,
  STATION_READ,
} from '../../../bench/support/operations';
import { createServices } from '../../../functions/app/services';
import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

/**
 * The design's promise that no request path reads the whole table: every root field of the
 * schema (with the nested fields front ends ask for) and every operation `npm run bench` times,
 * run against DynamoDB Local with the commands counted; any Scan fails. A root field added to
 * the schema without a call here fails the coverage test, so the guard grows with the API.
 */
const admin = claimsFor('dingnan', 'ADMIN');
const WEEK = '2026-W47';
const NEXT_WEEK = '2026-W48';
const INSIDE_DN_01_1 = { lat: 24.7755, lng: 115.0227 };
const OUTSIDE_EVERY_GRID = { lat: 24.9, lng: 115.3 };

let executor: CountingExecutor;
let stop: () => Promise<void>;
let store: TestStore;
const clock = movingClock('2026-11-20T18:00:00+08:00');
/** Every call made: its document and the DynamoDB commands it sent. */
const calls: { name: string; document: string; commands: string[] }[] = [];

beforeAll(async () => {
  ({ executor, stop, store } = await seededExecutor({ clock: clock.now }));
});
afterAll(() => stop());

/** Runs one operation (anonymously when `claims` is null), fails on any GraphQL error (a path that errs early proves nothing), records its commands. */
async function run(name: string, document: string, variables: Record<string, unknown> = {}, claims: Record<string, string> | null = admin) {
  const result = await executor.execute(document, { variables, ...(claims ? { claims } : {}) });
  if (result.errors) throw new Error(`${name}: ${result.errors.map((error) => `${error.extensions.code} ${error.message}`).join('; ')}`);
  calls.push({ name, document, commands: result.commands });
  return result.data!;
}

/**
 * A call whose answer may be a refusal (a rating before the issue is resolved, an upload where
 * this test configures no bucket): what matters here is the commands its path sent, not its data.
 */
async function attempt(name: string, document: string, variables: Record<string, unknown>, claims: Record<string, string> | null) {
  const result = await executor.execute(document, { variables, ...(claims ? { claims } : {}) });
  calls.push({ name, document, commands: result.commands });
}

function rootFieldsOf(document: string): string[] {
  return parse(document)
    .definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .flatMap((operation) => operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [`${operation.operation === 'mutation' ? 'Mutation' : 'Query'}.${selection.name.value}`] : [])));
}

function schemaRootFields(): string[] {
  return typeDefs.flatMap((sdl) =>
    parse(sdl).definitions.flatMap((definition) =>
      (definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION) && ['Query', 'Mutation'].includes(definition.name.value)
        ? (definition.fields ?? []).map((field) => `${definition.name.value}.${field.name.value}`)
        : [],
    ),
  );
}

const ISSUE_FIELDS = 'id status version grid { id } station { id } assignee { id } duplicateOf { id } history { action at }';

describe('no Scan in any request path', () => {
  test('given Dingnan, when every root field and every benchmarked operation runs, then no request sends a Scan', async () => {
    // Reference data: reads, nested the way front ends read it, then writes.
    await run('district', DISTRICT_READ);
    await run('station', `query S($week: IsoWeek!) { station(id: "dn-s-01") { id grids { code leader { name } officers { id } } officers { id shifts(week: $week) { id } } issues(first: 5) { edges { node { id } } } activities(week: $week) { id } shifts(week: $week) { id } compliance(week: $week) { compliant } } }`, { week: WEEK });
    await run('stations', `{ stations(first: 5, filter: { active: true }) { edges { node { id grids { code } officers { id } } } pageInfo { hasNextPage endCursor } } }`);
    await run('stationByServiceCode', LOOKUP_READ, { code: 'dingnan-ST01AV' }, null);
    await run('grid', `{ grid(id: "dn-g-01-1") { id station { id } leader { id } officers { id } issues(first: 5) { edges { node { id } } } } }`);
    await run('grids', `{ grids(first: 5) { edges { node { id code leader { name } } } } }`);
    await run('officer', `query O($week: IsoWeek!) { officer(id: "dn-o-01-1") { id station { id } grids { id } shifts(week: $week) { id } leave(week: $week) { from } assignedIssues(first: 5) { edges { node { id } } } } }`, { week: WEEK });
    await run('officers', `{ officers(first: 5, filter: { role: ENFORCEMENT }) { edges { node { id station { id } } } } }`);
    const station = (await run('createStation', `mutation { createStation(input: { name: "扫描守卫驿站", kind: SERVICE_POST }) { id } }`)).createStation;
    await run('updateStation', `mutation U($id: ID!) { updateStation(input: { id: $id, address: "定南县" }) { id version } }`, { id: station.id });
    const officer = (await run('createOfficer', `mutation O($stationId: ID!) { createOfficer(input: { name: "李四", role: ENFORCEMENT, stationId: $stationId }) { id } }`, { stationId: station.id })).createOfficer;
    await run('updateOfficer', `mutation U($id: ID!) { updateOfficer(input: { id: $id, phone: "17000999999" }) { id version } }`, { id: officer.id });
    const grid = (await run('createGrid', `mutation G($stationId: ID!, $leaderId: ID!) { createGrid(input: { code: "DN-99-1", name: "守卫网格", stationId: $stationId, leaderId: $leaderId, officerIds: [$leaderId] }) { id } }`, { stationId: station.id, leaderId: officer.id })).createGrid;
    await run('updateGrid', `mutation U($id: ID!) { updateGrid(input: { id: $id, name: "守卫网格二" }) { id version } }`, { id: grid.id });
    await run('deactivateOfficer', `mutation D($id: ID!) { deactivateOfficer(id: $id) { active } }`, { id: officer.id });
    await run('deactivateStation', `mutation D($id: ID!) { deactivateStation(id: $id) { active } }`, { id: station.id });

    // Issues: the workflow end to end, lists through each index, statistics.
    await run('updateIssuePolicy', `mutation { updateIssuePolicy(input: { duplicateRadiusMeters: 80 }) { version } }`);
    const patrol = (await run('reportIssue (located)', REPORT_ISSUE, { input: { category: 'STRAY_STALL', description: '占道摆摊', location: INSIDE_DN_01_1, source: 'PATROL' } })).reportIssue.issue;
    await run('reportIssue (service code, anonymous)', REPORT_ISSUE, { input: { category: 'FLYERS_AND_ADS', description: '小广告', serviceCode: 'dingnan-ST02SA' } }, null);
    await run('startIssue', START_ISSUE, { id: patrol.id });
    await run('resolveIssue', `mutation R($id: ID!) { resolveIssue(id: $id, note: "已处理") { ${ISSUE_FIELDS} } }`, { id: patrol.id });
    await run('closeIssue', `mutation C($id: ID!) { closeIssue(id: $id) { ${ISSUE_FIELDS} } }`, { id: patrol.id });
    await run('reopenIssue', `mutation R($id: ID!) { reopenIssue(id: $id, note: "返工") { ${ISSUE_FIELDS} } }`, { id: patrol.id });
    await run('transferIssue', `mutation T($id: ID!) { transferIssue(id: $id, department: "县供电公司") { ${ISSUE_FIELDS} } }`, { id: patrol.id });
    const unrouted = async (description: string) =>
      (await run('reportIssue (unrouted)', REPORT_ISSUE, { input: { category: 'ILLEGAL_DUMPING', description, location: OUTSIDE_EVERY_GRID, source: 'HOTLINE' } })).reportIssue.issue;
    const toAssign = await unrouted('乱倒垃圾');
    await run('assignIssue', `mutation A($id: ID!) { assignIssue(id: $id, assigneeId: "dn-o-02-1") { ${ISSUE_FIELDS} } }`, { id: toAssign.id });
    const duplicate = await unrouted('乱倒垃圾(重复)');
    await run('rejectIssue', `mutation R($id: ID!, $of: ID!) { rejectIssue(id: $id, reason: "重复上报", duplicateOf: $of) { ${ISSUE_FIELDS} } }`, { id: duplicate.id, of: toAssign.id });
    await run('confirmIssue', `mutation C($id: ID!) { confirmIssue(id: $id) { confirmations } }`, { id: toAssign.id });
    await run('issue', ISSUE_READ, { id: patrol.id });
    const receipt = (await run('reportIssue (with its receipt)', `mutation R($input: ReportIssueInput!) { reportIssue(input: $input) { trackingCode issue { id } } }`, { input: { category: 'OTHER', description: '路灯不亮', serviceCode: 'dingnan-ST02SA' } }, null)).reportIssue;
    await run('trackIssue', `query T($code: String!) { trackIssue(trackingCode: $code) { status canRate timeline { at } } }`, { code: receipt.trackingCode }, null);
    await attempt('rateIssue (before resolution: CONFLICT)', `mutation R($code: String!) { rateIssue(trackingCode: $code, satisfaction: SATISFIED) { satisfaction } }`, { code: receipt.trackingCode }, null);
    await attempt('requestPhotoUpload', `mutation U($input: RequestPhotoUploadInput!) { requestPhotoUpload(input: $input) { key } }`, { input: { serviceCode: 'dingnan-ST02SA', purpose: 'REPORT', contentType: 'image/jpeg', byteSize: 1000 } }, null);
    await run('reportIssue (12345 referral)', REPORT_ISSUE, { input: { category: 'ILLEGAL_PARKING', description: '12345 转办', location: INSIDE_DN_01_1, source: 'HOTLINE_12345', hotlineTicket: 'DN2026112000001' } });
    await run('issueByHotlineTicket', `query H($t: String!) { issueByHotlineTicket(ticket: $t) { id } }`, { t: 'DN2026112000001' });
    await run('eraseReporterData', `mutation E($id: ID!) { eraseReporterData(issueId: $id) { id reporterDataErasedAt } }`, { id: toAssign.id });
    await run('auditTrail', `query T($id: ID!) { auditTrail(entityType: "Issue", entityId: $id, first: 5) { edges { node { id what } } pageInfo { hasNextPage } } }`, { id: toAssign.id });
    await run('issue (all fields)', `query I($id: ID!) { issue(id: $id) { ${ISSUE_FIELDS} } }`, { id: duplicate.id });
    await run('issues (timeline)', ISSUES_READ);
    for (const filter of [{ status: 'ASSIGNED' }, { stationId: 'dn-s-01' }, { gridId: 'dn-g-01-1' }, { assigneeId: 'dn-o-02-1' }, { overdue: true }, { category: 'STRAY_STALL', reportedFrom: '2026-11-01T00:00:00+08:00' }]) {
      await run(`issues ${JSON.stringify(filter)}`, `query L($filter: IssueFilter) { issues(filter: $filter, first: 10) { edges { node { id grid { id } assignee { id } } } pageInfo { hasNextPage endCursor } } }`, { filter });
    }
    await run('issueStats', `{ issueStats(from: "2026-11-01", to: "2026-11-30") { total onSiteResolutionRate medianMinutesToResolve } }`);
    await run('issueStats (station)', `{ issueStats(from: "2026-11-01", to: "2026-11-30", stationId: "dn-s-01") { total } }`);

    // Duty: policy, activities, leave, roster, attendance, compliance.
    await run('updateDutyPolicy', `mutation { updateDutyPolicy(input: { minSessionMinutes: 120 }) { version } }`);
    const activity = (await run('recordActivity', `mutation A($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId: 'dn-s-01', startsAt: '2026-11-17T09:00:00+08:00', endsAt: '2026-11-17T11:00:00+08:00', officerIds: ['dn-o-01-2'] },
    })).recordActivity;
    await run('updateActivity', `mutation U($id: ID!) { updateActivity(input: { id: $id, peopleReached: 30 }) { id version } }`, { id: activity.id });
    await run('verifyActivity', `mutation V($id: ID!) { verifyActivity(id: $id) { verifiedAt } }`, { id: activity.id }, claimsFor('dingnan', 'SUPERVISOR'));
    await run('activity', `query A($id: ID!) { activity(id: $id) { id station { id } officers { id } } }`, { id: activity.id });
    await run('activities', `{ activities(first: 10) { edges { node { id station { id } officers { id } } } pageInfo { hasNextPage } } }`);
    const spare = (await run('recordActivity (to delete)', `mutation A($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
      input: { kind: 'PUBLICITY', title: '普法宣传', stationId: 'dn-s-02', startsAt: '2026-11-18T09:00:00+08:00', endsAt: '2026-11-18T10:00:00+08:00' },
    })).recordActivity;
    await run('deleteActivity', `mutation D($id: ID!) { deleteActivity(id: $id) { id } }`, { id: spare.id });
    await run('addLeave', `mutation { addLeave(officerId: "dn-o-03-1", from: "2026-12-01", to: "2026-12-02", reason: "年假") { from } }`);
    const roster = (await run('generateRoster', `mutation R($week: IsoWeek!) { generateRoster(week: $week) { shifts { id startsAt officers { id } } unfilled { reason } } }`, { week: NEXT_WEEK })).generateRoster;
    await run('publishRoster', `mutation P($week: IsoWeek!) { publishRoster(week: $week) { status } }`, { week: NEXT_WEEK });
    await run('roster', `query R($week: IsoWeek!) { roster(week: $week) { status shifts { id station { id } officers { id } attendance { officer { id } } } unfilled { station { id } } } }`, { week: NEXT_WEEK });
    const shift = roster.shifts[0] as { id: string; startsAt: string; officers: { id: string }[] };
    clock.set(shift.startsAt);
    const own = claimsFor('dingnan', 'OFFICER', shift.officers[0]!.id);
    await run('checkIn', `mutation I($id: ID!) { checkIn(shiftId: $id) { changed } }`, { id: shift.id }, own);
    clock.advanceMinutes(130);
    await run('checkOut', `mutation O($id: ID!) { checkOut(shiftId: $id) { changed } }`, { id: shift.id }, own);
    await run('computeCompliance', `mutation C($week: IsoWeek!) { computeCompliance(week: $week) { stationCount } }`, { week: WEEK });

    // Webhooks: endpoints, and a dead letter (parked here as the sweeper parks one) listed and replayed.
    const endpoint = (await run('registerWebhookEndpoint', `mutation { registerWebhookEndpoint(input: { url: "https://hooks.example.cn/ccs", eventTypes: ["issue.closed"] }) { secret endpoint { id } } }`)).registerWebhookEndpoint.endpoint;
    await run('webhookEndpoints', `{ webhookEndpoints { id status } }`);
    await run('rotateWebhookSecret', `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`, { id: endpoint.id });
    await run('disableWebhookEndpoint', `mutation D($id: ID!) { disableWebhookEndpoint(id: $id) { status } }`, { id: endpoint.id });
    await run('enableWebhookEndpoint', `mutation E($id: ID!) { enableWebhookEndpoint(id: $id) { status } }`, { id: endpoint.id });
    const { deliveries } = createServices(store).webhooks;
    const delivery = { districtId: 'dingnan', endpointId: endpoint.id, eventId: 'scan-guard-1', eventType: 'issue.closed' as const, payload: '{}', status: 'PENDING' as const, attempts: 0, nextAttemptAt: clock.now().toISOString(), createdAt: clock.now().toISOString() };
    await deliveries.createIfNew(delivery);
    await deliveries.park((await deliveries.claim(delivery, clock.now()))!, clock.now().toISOString(), 'HTTP 503');
    const letter = (await run('webhookDeadLetters', `{ webhookDeadLetters(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }`)).webhookDeadLetters.edges[0].node;
    await run('replayWebhookDeadLetter', `mutation R($id: ID!) { replayWebhookDeadLetter(id: $id) { status } }`, { id: letter.id });

    // The operations `npm run bench` times and reads under load.
    await run('bench: station dashboard', DASHBOARD, { id: 'dn-s-01', week: WEEK });
    await run('bench: issues page', ISSUES_PAGE);
    await run('bench: complianceReport', COMPLIANCE_REPORT, { week: WEEK });
    await run('bench: station read', STATION_READ, { id: 'dn-s-04' });

    const scanning = calls.filter((call) => call.commands.includes('ScanCommand')).map((call) => call.name);
    expect(scanning).toEqual([]);
    expect(calls.every((call) => call.commands.length > 0)).toBe(true);
  });

  test('given the schema, when the calls above are listed, then they cover every Query and Mutation field', () => {
    const covered = new Set(calls.flatMap((call) => rootFieldsOf(call.document)));

    expect(schemaRootFields().filter((field) => !covered.has(field))).toEqual([]);
  });
});
