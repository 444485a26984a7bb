import ExcelJS from 'exceljs';
import { complianceExport, rosterExport, type ExportNames } from '../../../functions/app/exports/duty-export-tables';
import { toCsv } from '../../../functions/app/exports/csv';
import { kpiExport, monthPeriod, periodKpis } from '../../../functions/app/exports/issue-kpis';
import { toXlsx } from '../../../functions/app/exports/xlsx';
import { runScheduledRoster } from '../../../functions/app/roster/scheduled-run';
import { createServices, type Services } from '../../../functions/app/services';
import { claimsFor } from '../../support/graphql-handler';
import { INSIDE_DN_01_1, REPORT } from '../../support/issue-operations';
import { movingClock } from '../../support/moving-clock';
import { seededExecutor, type CountingExecutor } from '../../support/seeded-executor';
import type { TestStore } from '../../support/test-store';

const admin = claimsFor('dingnan', 'ADMIN');
const supervisor = claimsFor('dingnan', 'SUPERVISOR');
const patrol = claimsFor('dingnan', 'OFFICER', 'dn-o-01-2');
const WEEK = '2026-W47';
const clock = movingClock('2026-11-23T02:00:00+08:00');

let store: TestStore;
let executor: CountingExecutor;
let stop: () => Promise<void>;
let services: Services;
let names: ExportNames;

async function ok(document: string, variables: Record<string, unknown>, claims: Record<string, string> | null) {
  const result = await executor.execute(document, { variables, ...(claims ? { claims } : {}) });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!;
}

/** The sheets of an XLSX file as rows of cell values, the header row first. */
async function readBack(buffer: Buffer): Promise<unknown[][][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return rows;
  });
}

beforeAll(async () => {
  ({ store, executor, stop } = await seededExecutor({ clock: clock.now }));
  services = createServices(store, { clock: clock.now });
  const [stations, officers] = await Promise.all([services.stations.all('dingnan'), services.officers.all('dingnan')]);
  names = { stations: new Map(stations.map((station) => [station.id, station.name])), officers: new Map(officers.map((officer) => [officer.id, officer.name])) };

  await runScheduledRoster(services, 'dingnan', { week: WEEK }, new Date('2026-11-13T10:00:00Z'));
  for (const [stationId, date, from, to, officerIds] of [
    ['dn-s-01', '2026-11-17', '09:00', '11:30', ['dn-o-01-2']],
    ['dn-s-01', '2026-11-18', '14:00', '15:30', ['dn-o-01-2']],
    ['dn-s-02', '2026-11-17', '09:00', '11:00', ['dn-o-02-1']],
    ['dn-s-02', '2026-11-19', '16:00', '18:00', ['dn-o-02-2']],
  ] as const) {
    const input = { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId, startsAt: `${date}T${from}:00+08:00`, endsAt: `${date}T${to}:00+08:00`, officerIds };
    const { recordActivity } = await ok(`mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, { input }, supervisor);
    if (stationId !== 'dn-s-02' || date !== '2026-11-19') await ok(`mutation { verifyActivity(id: "${recordActivity.id}") { verifiedAt } }`, {}, supervisor);
  }
  await ok(`mutation { computeCompliance(week: "${WEEK}") { stationCount } }`, {}, admin);

  for (let n = 0; n < 5; n += 1) {
    await ok(REPORT, { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '巡查发现', source: 'PATROL', location: INSIDE_DN_01_1, resolvedOnSite: n < 3 } }, patrol);
  }
}, 180_000);
afterAll(() => stop());

describe('exports read back from XLSX carry the numbers the API answers', () => {
  test('given a computed week with a pending session, when the compliance report is exported, then each station row has the API’s sessions, minutes, pending count and verdict', async () => {
    const api = (await ok(`query { complianceReport(week: "${WEEK}") { stations { station { id name } qualifyingSessions requiredSessions serviceMinutes compliant pendingSessions { date } } officers { officer { name } rosteredShifts attendedShifts noShows } } }`, {}, admin)).complianceReport;
    const report = (await services.duty.complianceReports.read('dingnan', WEEK))!;

    const [stationSheet, officerSheet] = await readBack(await toXlsx(complianceExport(report, names)));

    expect(stationSheet![0]).toEqual(['工作站', '有效场次', '要求场次', '服务时长（分钟）', '待核验场次', '是否达标', '未达标原因']);
    const rows = new Map(stationSheet!.slice(1).map((row) => [row[0], row]));
    expect(rows.size).toBe(api.stations.length);
    for (const entry of api.stations) {
      expect(rows.get(entry.station.name)!.slice(1, 6)).toEqual([entry.qualifyingSessions, entry.requiredSessions, entry.serviceMinutes, entry.pendingSessions.length, entry.compliant ? '达标' : '未达标']);
    }
    expect(rows.get(names.stations.get('dn-s-02'))!.slice(1, 5)).toEqual([1, 2, 120, 1]);
    expect(officerSheet!.slice(1).map((row) => row.slice(0, 2))).toEqual(api.officers.map((duty: any) => [duty.officer.name, duty.rosteredShifts]));
  });

  test('given a generated roster, when it is exported, then the XLSX lists the API’s shifts with officers by name and the CSV has the same rows under Chinese headers', async () => {
    const api = (await ok(`query { roster(week: "${WEEK}") { shifts { station { name } date window minutes officers { name } } } }`, {}, admin)).roster;
    const tables = rosterExport((await services.duty.rosters.read('dingnan', WEEK))!, names);

    const [shiftSheet] = await readBack(await toXlsx(tables));

    const expected = api.shifts.map((shift: any) => [shift.station.name, shift.date, shift.window, shift.minutes, shift.officers.map((officer: any) => officer.name).join('、')]);
    expect(shiftSheet!.slice(1).map((row) => [row[0], row[1], row[2], row[5], row[6]])).toEqual(expected);
    const csvLines = toCsv(tables).split('\r\n');
    expect(csvLines[0]).toMatch(/^\uFEFF排班 2026-W47/);
    expect(csvLines[1]).toBe('工作站,日期,班次,开始,结束,时长（分钟）,值守人员,借调人员');
    expect(csvLines.slice(2, 2 + api.shifts.length).map((line) => line.split(',')[5]).map(Number)).toEqual(api.shifts.map((shift: any) => shift.minutes));
  });

  test('given patrol finds solved on the spot, when the month’s KPIs are exported, then the district, each station and each grid row has the API’s issueStats for that scope', async () => {
    const period = monthPeriod('2026-11');
    const caller = { subject: 'test', districtId: 'dingnan', roles: ['ADMIN' as const] };
    const [sheet] = await readBack(await toXlsx(kpiExport(period, await periodKpis(services, caller, period))));
    const STATS = `query S($stationId: ID, $gridId: ID) { issueStats(from: "${period.from}", to: "${period.to}", stationId: $stationId, gridId: $gridId) { total resolvedOnSite patrolFound onSiteResolutionRate overdue } }`;
    const [stations, grids] = await Promise.all([services.stations.all('dingnan'), services.grids.all('dingnan')]);

    expect(sheet![0]!.slice(0, 3)).toEqual(['范围', '名称', '问题总数']);
    expect(sheet!.length).toBe(1 + 1 + stations.length + grids.length);
    const scopes = [{ variables: {} }, ...stations.map((station) => ({ variables: { stationId: station.id } })), ...grids.map((grid) => ({ variables: { gridId: grid.id } }))];
    for (const [index, { variables }] of scopes.entries()) {
      const { issueStats } = await ok(STATS, variables, supervisor);
      const row = sheet![index + 1]!;
      expect([row[2], row[7], row[8], row[10], row[15] ?? null]).toEqual([issueStats.total, issueStats.resolvedOnSite, issueStats.patrolFound, issueStats.overdue, issueStats.onSiteResolutionRate]);
    }
    expect(sheet![1]!.slice(0, 3)).toEqual(['全区', '定南县', 5]);
    expect(sheet![1]![15]).toBeCloseTo(0.6, 5);
  });
});
