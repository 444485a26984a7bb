import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createServices } from '../../../functions/app/services';
import type { CompliancePublisher, NonCompliantStationsEvent } from '../../../functions/app/compliance/event-publisher';
import { runScheduledCompliance } from '../../../functions/app/compliance/scheduled-run';
import { runScheduledRoster } from '../../../functions/app/roster/scheduled-run';
import { weekPartition } from '../../../functions/store/duty-keys';
import { claimsFor, graphqlEvent, lambdaContext, loadHandler } from '../../support/graphql-handler';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const WEEK = '2026-W47';
const REPORT = `query C($week: IsoWeek!) {
  complianceReport(week: $week) { week generatedAt stationCount compliantCount complianceRate
    stations { station { id } qualifyingSessions requiredSessions serviceMinutes compliant reasons sessions { date minutes qualifies enforcementOfficers { id } } }
    officers { officer { id } rosteredShifts rosteredMinutes attendedShifts attendedMinutes noShows } }
}`;

/** Records what would go to EventBridge; can be told to fail, like a throttled PutEvents. */
class FakePublisher implements CompliancePublisher {
  readonly published: NonCompliantStationsEvent[] = [];
  failNext = false;

  async publish(event: NonCompliantStationsEvent): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('ThrottlingException');
    }
    this.published.push(event);
  }
}

let store: TestStore;
let executor: CountingExecutor;
let stop: () => Promise<void>;
const clock = movingClock('2026-11-23T02:00:00+08:00');

beforeAll(async () => {
  ({ store, executor, stop } = await seededExecutor({ clock: clock.now }));
});
afterAll(() => stop());

/** A session a supervisor records and verifies: the evidence that its officers were there. */
async function session(stationId: string, date: string, from: string, to: string, officerIds: string[]) {
  const result = await executor.execute(`mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, {
    variables: { input: { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId, startsAt: `${date}T${from}:00+08:00`, endsAt: `${date}T${to}:00+08:00`, officerIds } },
    claims: supervisor,
  });
  expect(result.errors).toBeUndefined();
  const verified = await executor.execute(`mutation { verifyActivity(id: "${result.data!.recordActivity.id}") { verifiedAt } }`, { claims: supervisor });
  expect(verified.errors).toBeUndefined();
}

describe("Xi'an's rule replayed through the API", () => {
  beforeAll(async () => {
    // dn-s-01: 150 and 90 minutes with an enforcement officer. dn-s-02: two 120-minute sessions on different days.
    // dn-s-03: a 3-hour session with only a sanitation officer (and one good session).
    await session('dn-s-01', '2026-11-17', '09:00', '11:30', ['dn-o-01-2']);
    await session('dn-s-01', '2026-11-18', '14:00', '15:30', ['dn-o-01-2']);
    await session('dn-s-02', '2026-11-17', '09:00', '11:00', ['dn-o-02-1']);
    await session('dn-s-02', '2026-11-19', '16:00', '18:00', ['dn-o-02-2', 'dn-o-02-5']);
    await session('dn-s-03', '2026-11-18', '09:00', '11:00', ['dn-o-03-1']);
    await session('dn-s-03', '2026-11-20', '09:00', '12:00', ['dn-o-03-5']);
  });

  test('given those sessions, when compliance is computed, then 150 + 90 is non-compliant with the 90-minute reason, 2 × 120 complies, and the sanitation-only session does not qualify', async () => {
    const computed = await executor.execute(`mutation { computeCompliance(week: "${WEEK}") { stationCount compliantCount } }`, { claims: admin });
    expect(computed.data!.computeCompliance).toEqual({ stationCount: 12, compliantCount: 1 });

    const report = (await executor.execute(REPORT, { variables: { week: WEEK }, claims: admin })).data!.complianceReport;
    const byStation = new Map(report.stations.map((entry: any) => [entry.station.id, entry]));
    expect(byStation.get('dn-s-01')).toMatchObject({
      compliant: false,
      qualifyingSessions: 1,
      serviceMinutes: 240,
      reasons: ['1 of 2 required sessions held', '2026-11-18: 90 min, under 120'],
    });
    expect(byStation.get('dn-s-02')).toMatchObject({ compliant: true, qualifyingSessions: 2, reasons: [] });
    expect(byStation.get('dn-s-03')).toMatchObject({ compliant: false, reasons: ['1 of 2 required sessions held', '2026-11-20: no enforcement officer present'] });
    expect(byStation.get('dn-s-12')).toMatchObject({ reasons: ['0 of 2 required sessions held', 'no service session or attended shift this week'] });
    expect(report.complianceRate).toBeCloseTo(1 / 12);
  });

  test('given the stored report, when its heat map is read through the API, then the 90-minute day at dn-s-01 is marked short and the 150-minute day is not', async () => {
    const result = await executor.execute(`{ complianceReport(week: "${WEEK}") { heatMapSvg } }`, { claims: supervisor });
    const svg: string = result.data!.complianceReport.heatMapSvg;
    const row = svg.slice(svg.indexOf('<g data-station="dn-s-01"'), svg.indexOf('<g data-station="dn-s-02"'));

    expect(row).toContain('<g data-date="2026-11-18" data-minutes="90" data-short="true" data-pending="0">');
    expect(row).toContain('<g data-date="2026-11-17" data-minutes="150" data-short="false" data-pending="0">');
    expect(row).toContain('大世界社区城管服务工作站（未达标）');
  });

  test('given the stored report, when a station\'s compliance is read, then it is the report\'s verdict', async () => {
    const result = await executor.execute(`{ station(id: "dn-s-01") { compliance(week: "${WEEK}") { compliant reasons week } } }`, { claims: supervisor });

    expect(result.data!.station.compliance).toEqual({ compliant: false, reasons: ['1 of 2 required sessions held', '2026-11-18: 90 min, under 120'], week: WEEK });
  });

  test('given the stored report and Accept-Language zh-CN, when a station\'s compliance is read through the handler, then its reasons are Chinese, dates and numbers kept', async () => {
    const handler = await loadHandler(store);
    const event = graphqlEvent({ query: `{ station(id: "dn-s-03") { compliance(week: "${WEEK}") { reasons } } }` }, supervisor);
    event.headers = { ...event.headers, 'accept-language': 'zh-CN' };

    const body = JSON.parse((await handler(event, lambdaContext())).body ?? '{}');

    expect(body.data.station.compliance.reasons).toEqual(['要求 2 次服务，已开展 1 次', '2026-11-20：无执法人员在场']);
  });
});

describe('scheduled runs', () => {
  test('given a Friday 18:00 fire time, when the roster job runs twice, then it plans the next week once and the rerun is UNCHANGED', async () => {
    const services = createServices(store);
    const event = { scheduledTime: '2026-11-13T10:00:00Z' };

    const first = await runScheduledRoster(services, 'dingnan', event, new Date('2026-11-13T10:00:05Z'));
    const retry = await runScheduledRoster(services, 'dingnan', event, new Date('2026-11-14T03:00:00Z'));

    expect(first).toMatchObject({ week: WEEK, outcome: 'CREATED', shifts: 24, unfilled: 0 });
    expect(retry).toMatchObject({ week: WEEK, outcome: 'UNCHANGED', shifts: 24 });
  });

  test('given attended and missed shifts, when the Monday job runs, then attended shifts count as sessions and no-shows are reported per officer', async () => {
    const roster = await executor.execute(`{ roster(week: "${WEEK}") { shifts { id startsAt station { id } officers { id } } } }`, { claims: admin });
    const shift = roster.data!.roster.shifts.find((candidate: any) => candidate.station.id === 'dn-s-12');
    const officerId = shift.officers[0].id;
    clock.set(shift.startsAt);
    await executor.execute(`mutation { checkIn(shiftId: "${shift.id}", officerId: "${officerId}") { changed } }`, { claims: supervisor });
    clock.advanceMinutes(130);
    await executor.execute(`mutation { checkOut(shiftId: "${shift.id}", officerId: "${officerId}") { changed } }`, { claims: supervisor });
    const publisher = new FakePublisher();

    const summary = await runScheduledCompliance(createServices(store), publisher, 'dingnan', { scheduledTime: '2026-11-22T18:00:00Z' }, new Date('2026-11-22T18:00:03Z'));

    expect(summary).toMatchObject({ week: WEEK, outcome: 'REPLACED', stations: 12, eventsPublished: 1 });
    const report = (await executor.execute(REPORT, { variables: { week: WEEK }, claims: admin })).data!.complianceReport;
    const station = report.stations.find((entry: any) => entry.station.id === 'dn-s-12');
    expect(station.sessions).toEqual([{ date: shift.startsAt.slice(0, 10), minutes: 130, qualifies: true, enforcementOfficers: [{ id: officerId }] }]);
    const duty = report.officers.find((entry: any) => entry.officer.id === officerId);
    expect(duty).toMatchObject({ rosteredShifts: 1, attendedShifts: 1, attendedMinutes: 130, noShows: 0 });
    expect(report.officers.reduce((sum: number, entry: any) => sum + entry.noShows, 0)).toBeGreaterThan(20);
    expect(publisher.published[0]).toMatchObject({ districtId: 'dingnan', week: WEEK, part: 1, parts: 1, compliantCount: report.compliantCount });
    expect(publisher.published[0]!.stations.map((entry) => entry.stationId)).toContain('dn-s-01');
    expect(publisher.published[0]!.stations.map((entry) => entry.stationId)).not.toContain('dn-s-02');
  });

  test('given a report already announced, when the Monday job is retried, then the stored report is the same and no event goes out again', async () => {
    const before = await executor.execute(REPORT, { variables: { week: WEEK }, claims: admin });
    const publisher = new FakePublisher();

    const retry = await runScheduledCompliance(createServices(store), publisher, 'dingnan', { scheduledTime: '2026-11-22T18:00:00Z' }, new Date('2026-11-22T19:30:00Z'));

    expect(retry).toMatchObject({ outcome: 'UNCHANGED', eventsPublished: 0 });
    expect(publisher.published).toEqual([]);
    expect((await executor.execute(REPORT, { variables: { week: WEEK }, claims: admin })).data).toEqual(before.data);
    const rows = await store.doc.send(
      new QueryCommand({
        TableName: store.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': weekPartition('dingnan', WEEK), ':prefix': 'COMPLIANCE#' },
      }),
    );
    expect(rows.Items!.length).toBe(12 + before.data!.complianceReport.officers.length);
  });

  test('given a publish that failed after the report was stored, when the job is retried, then the event goes out on the retry', async () => {
    await executor.execute(`mutation { recordActivity(input: { kind: SERVICE_SESSION, title: "补充服务", stationId: "dn-s-04", startsAt: "2026-11-21T09:00:00+08:00", endsAt: "2026-11-21T11:00:00+08:00", officerIds: ["dn-o-04-1"] }) { id } }`, { claims: supervisor });
    const publisher = new FakePublisher();
    publisher.failNext = true;
    const event = { scheduledTime: '2026-11-22T18:00:00Z' };

    await expect(runScheduledCompliance(createServices(store), publisher, 'dingnan', event, new Date('2026-11-22T20:00:00Z'))).rejects.toThrow('ThrottlingException');
    const retry = await runScheduledCompliance(createServices(store), publisher, 'dingnan', event, new Date('2026-11-22T20:05:00Z'));

    expect(retry).toMatchObject({ outcome: 'UNCHANGED', eventsPublished: 1 });
    expect(publisher.published).toHaveLength(1);
  });
});
