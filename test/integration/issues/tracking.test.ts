import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ASSIGN, CLOSE, START } from '../../support/issue-operations';
import { claimsFor } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor } from '../../support/seeded-executor';

const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const clock = movingClock('2026-11-22T02:00:00Z');

const TRACK = `query Track($code: String!) { trackIssue(trackingCode: $code) {
  id category categoryName description status station { name address amenities serviceCodeUrl } dueAt resolvedAt satisfaction canRate afterPhotoUrls
  timeline { id at action status summary publicNote } } }`;
const RATE = `mutation Rate($code: String!, $satisfaction: Satisfaction!, $comment: String) {
  rateIssue(trackingCode: $code, satisfaction: $satisfaction, comment: $comment) { status satisfaction canRate } }`;
const REPORT_WITH_CODE = `mutation Report($input: ReportIssueInput!) { reportIssue(input: $input) { issue { id } trackingCode } }`;
const RESOLVE_PUBLIC = `mutation Resolve($id: ID!, $note: String, $publicNote: String) { resolveIssue(id: $id, note: $note, publicNote: $publicNote) { status } }`;

let fixture: Awaited<ReturnType<typeof seededExecutor>>;
let serviceCode: string;

beforeAll(async () => {
  fixture = await seededExecutor({ clock: clock.now });
  serviceCode = (await fixture.executor.execute(`{ stations(first: 3) { edges { node { serviceCode } } } }`, { claims: claimsFor('dingnan', 'ADMIN') })).data!.stations.edges[2].node
    .serviceCode;
});
afterAll(() => fixture.stop());

/** Every item of the test's table (a test may Scan; the API never does). */
async function everyItem(): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await fixture.store.doc.send(new ScanCommand({ TableName: fixture.store.tableName, ExclusiveStartKey: startKey }));
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** A resident's report through the station's code: its id and receipt. */
async function residentReports(address = '203.0.113.10'): Promise<{ id: string; trackingCode: string }> {
  const result = await fixture.executor.execute(REPORT_WITH_CODE, {
    variables: { input: { category: 'GARBAGE_NOT_COLLECTED', description: '垃圾两天没清运', serviceCode, reporterContact: '13800000000' } },
    clientAddress: address,
  });
  expect(result.errors).toBeUndefined();
  return { id: result.data!.reportIssue.issue.id, trackingCode: result.data!.reportIssue.trackingCode };
}

const track = (code: string, clientAddress = '203.0.113.10') => fixture.executor.execute(TRACK, { variables: { code }, clientAddress });
const staff = (query: string, variables: Record<string, unknown>) => fixture.executor.execute(query, { variables, claims: supervisor });

async function resolveWithNotes(id: string): Promise<void> {
  expect((await staff(ASSIGN, { id, assigneeId: 'dn-o-03-2' })).errors).toBeUndefined();
  expect((await staff(START, { id })).errors).toBeUndefined();
  expect((await staff(RESOLVE_PUBLIC, { id, note: '内部：联系了物业经理王某', publicNote: '已清运，感谢反映' })).errors).toBeUndefined();
}

describe('the receipt', () => {
  test('given a resident report, when answered, then it carries a grouped tracking code of the district, unguessable and stored only as a hash', async () => {
    const { id, trackingCode } = await residentReports();

    expect(trackingCode).toMatch(/^dingnan-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{5}$/);
    const items = await everyItem();
    const stored = JSON.stringify(items);
    expect(stored).not.toContain(trackingCode.replace(/-/g, '').slice('dingnan'.length));
    expect(stored).not.toContain(trackingCode);
    expect(items.filter((item) => String(item.PK).startsWith('D#dingnan#TRACKING#') && item.issueId === id)).toHaveLength(1);
  });

  test('given a PATROL find, when reported, then it has no tracking code', async () => {
    const result = await fixture.executor.execute(REPORT_WITH_CODE, {
      variables: { input: { category: 'OTHER', description: '巡查发现', source: 'PATROL' } },
      claims: supervisor,
    });

    expect(result.data!.reportIssue.trackingCode).toBeNull();
  });
});

describe('trackIssue', () => {
  test('given the code typed in lower case with spaces, when tracked, then the report answers with its station and the public timeline only', async () => {
    const { id, trackingCode } = await residentReports();
    await resolveWithNotes(id);

    const result = await track(trackingCode.toLowerCase().replace(/-/g, ' ').replace('dingnan ', 'dingnan-'));

    expect(result.errors).toBeUndefined();
    const tracked = result.data!.trackIssue;
    expect(tracked).toMatchObject({ id, category: 'GARBAGE_NOT_COLLECTED', categoryName: '垃圾未及时清运', description: '垃圾两天没清运', status: 'RESOLVED', canRate: true, satisfaction: null });
    expect(tracked.station.name).toBe('凤凰国际小区城管服务工作站');
    expect(tracked.station.serviceCodeUrl).toMatch(new RegExp(`/r/${serviceCode}$`));
    expect(tracked.timeline.map((step: { action: string; status: string }) => [step.action, step.status])).toEqual([
      ['REPORT', 'REPORTED'],
      ['ASSIGN', 'ASSIGNED'],
      ['START', 'IN_PROGRESS'],
      ['RESOLVE', 'RESOLVED'],
    ]);
    expect(tracked.timeline[3]).toMatchObject({ id: `${id}:4`, summary: 'Handled', publicNote: '已清运，感谢反映' });
    const answered = JSON.stringify(result.data);
    expect(answered).not.toContain('王某');
    expect(answered).not.toContain('dn-o-03-2');
    expect(answered).not.toContain('13800000000');
  });

  test('given wrong codes of every kind, when tracked, then each is refused with the same answer on trackingCode', async () => {
    const { trackingCode } = await residentReports();
    const otherSecret = trackingCode.replace(/.$/, (last) => (last === 'A' ? 'B' : 'A'));
    const otherDistrict = trackingCode.replace('dingnan-', 'qishi-');

    const answers = await Promise.all(['nonsense', otherSecret, otherDistrict, 'dingnan-0000-0000-00000'].map((code) => track(code, '203.0.113.77')));

    for (const answer of answers) {
      expect(answer.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'trackingCode', message: 'does not match any report' }] });
    }
  });

  test('given one address trying many codes, when it goes over the per-address budget, then it is refused even for a right code', async () => {
    clock.set('2026-11-22T03:00:05Z');
    const { trackingCode } = await residentReports('203.0.113.11');
    const outcomes: string[] = [];
    const symbols = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
    for (let n = 0; n < 30; n += 1) outcomes.push((await track(`dingnan-AAAA-AAAA-AAAA${symbols[n]}`, '198.51.100.99')).errors![0]!.extensions.code as string);

    const right = await track(trackingCode, '198.51.100.99');

    expect(outcomes.filter((code) => code === 'BAD_USER_INPUT')).toHaveLength(30);
    expect(right.errors![0]!.extensions.code).toBe('RATE_LIMITED');
    expect((await track(trackingCode, '198.51.100.100')).errors).toBeUndefined();
  });
});

describe('rateIssue', () => {
  test('given an open report, when rated, then CONFLICT and nothing changes', async () => {
    clock.set('2026-11-22T04:00:05Z');
    const { trackingCode } = await residentReports();

    const result = await fixture.executor.execute(RATE, { variables: { code: trackingCode, satisfaction: 'SATISFIED' }, clientAddress: '203.0.113.12' });

    expect(result.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(result.errors![0]!.message).toBe('A report can be rated once it is resolved');
  });

  test('given a resolved report, when the resident rates it, then it counts once in the KPI, a second rating is refused, and closing needs no phone rating', async () => {
    clock.set('2026-11-23T04:00:05Z');
    const { id, trackingCode } = await residentReports();
    await resolveWithNotes(id);
    const stats = async () =>
      (await staff(`{ issueStats(from: "2026-11-23", to: "2026-11-23") { rated satisfactionRate } }`, {})).data!.issueStats as { rated: number };
    const before = await stats();

    const rated = await fixture.executor.execute(RATE, { variables: { code: trackingCode, satisfaction: 'BASICALLY_SATISFIED', comment: '很及时' }, clientAddress: '203.0.113.13' });
    const again = await fixture.executor.execute(RATE, { variables: { code: trackingCode, satisfaction: 'DISSATISFIED' }, clientAddress: '203.0.113.13' });
    const closed = await staff(CLOSE, { id });

    expect(rated.errors).toBeUndefined();
    expect(rated.data!.rateIssue).toEqual({ status: 'RESOLVED', satisfaction: 'BASICALLY_SATISFIED', canRate: false });
    expect(again.errors![0]!.message).toBe('This report has already been rated');
    expect(closed.errors).toBeUndefined();
    expect(closed.data!.closeIssue).toMatchObject({ status: 'CLOSED', satisfaction: 'BASICALLY_SATISFIED' });
    expect((await stats()).rated).toBe(before.rated + 1);
  });

  test('given a report closed after the staff phone follow-up, when the resident rates it, then it is refused and the KPI counts the call once', async () => {
    clock.set('2026-11-24T04:00:05Z');
    const { id, trackingCode } = await residentReports();
    await resolveWithNotes(id);
    await staff(CLOSE, { id, satisfaction: 'SATISFIED' });

    const rated = await fixture.executor.execute(RATE, { variables: { code: trackingCode, satisfaction: 'DISSATISFIED' }, clientAddress: '203.0.113.14' });
    const kpi = (await staff(`{ issueStats(from: "2026-11-24", to: "2026-11-24") { rated satisfactionRate } }`, {})).data!.issueStats;

    expect(rated.errors![0]!.extensions.code).toBe('CONFLICT');
    expect(kpi).toEqual({ rated: 1, satisfactionRate: 1 });
  });

  test('given a comment too long, when rated, then BAD_USER_INPUT names comment and nothing is written', async () => {
    const result = await fixture.executor.execute(RATE, { variables: { code: 'dingnan-AAAA-AAAA-AAAAA', satisfaction: 'SATISFIED', comment: 'x'.repeat(501) } });

    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ path: 'comment' }] });
  });
});
