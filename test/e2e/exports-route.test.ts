import ExcelJS from 'exceljs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { signLocalToken } from '../../functions/local/local-auth';
import { startLocalServer, type LocalServer } from '../../functions/local/local-server';
import { loadOrCreateSigningKey } from '../../functions/local/signing-key';
import { INSIDE_DN_01_1, REPORT } from '../support/issue-operations';
import { postGraphql } from './support/graphql-client';

jest.setTimeout(600_000);

const WEEK = '2026-W47';
/** Reports are dated today, district time: the month of KPIs is this one. */
const MONTH = DateTime.now().setZone('Asia/Shanghai').toFormat('yyyy-MM');

/**
 * `GET /exports/{kind}` through `npm start`'s server (its own data folder and bundles): the export
 * function's bundle behind the local authorizer, against DynamoDB Local seeded through the API.
 */
describe('the export route', () => {
  let dataDir: string;
  let server: LocalServer;
  let origin: string;
  const tokens: Record<'admin' | 'supervisor' | 'scheduler' | 'officer' | 'otherDistrict', string> = { admin: '', supervisor: '', scheduler: '', officer: '', otherDistrict: '' };

  async function gql(query: string, token: string, variables?: Record<string, unknown>): Promise<Record<string, any>> {
    const answer = await postGraphql(`${origin}/graphql`, query, { token, ...(variables ? { variables } : {}) });
    if (answer.body.errors) throw new Error(JSON.stringify(answer.body.errors));
    return answer.body.data!;
  }

  const download = (path: string, token?: string, headers: Record<string, string> = {}) =>
    fetch(`${origin}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'exports-route-'));
    server = await startLocalServer({ port: 0, dataDir, district: 'dingnan', buildDir: join(dataDir, 'build') });
    origin = server.url.replace('/graphql', '');
    const key = await loadOrCreateSigningKey(dataDir);
    tokens.admin = await signLocalToken(key, { role: 'ADMIN', district: 'dingnan' });
    tokens.supervisor = await signLocalToken(key, { role: 'SUPERVISOR', district: 'dingnan' });
    tokens.scheduler = await signLocalToken(key, { role: 'SCHEDULER', district: 'dingnan' });
    tokens.officer = await signLocalToken(key, { role: 'OFFICER', district: 'dingnan', officerId: 'dn-o-01-2' });
    tokens.otherDistrict = await signLocalToken(key, { role: 'ADMIN', district: 'guiding' });

    await gql(`mutation { generateRoster(week: "${WEEK}", force: true) { status } }`, tokens.admin);
    for (const [stationId, date, from, to, officerId] of [
      ['dn-s-01', '2026-11-17', '09:00', '11:30', 'dn-o-01-2'],
      ['dn-s-01', '2026-11-18', '14:00', '15:30', 'dn-o-01-2'],
      ['dn-s-02', '2026-11-17', '09:00', '11:00', 'dn-o-02-1'],
      ['dn-s-02', '2026-11-19', '16:00', '18:00', 'dn-o-02-2'],
    ]) {
      const input = { kind: 'SERVICE_SESSION', title: '服务群众面对面', stationId, startsAt: `${date}T${from}:00+08:00`, endsAt: `${date}T${to}:00+08:00`, officerIds: [officerId] };
      const { recordActivity } = await gql(`mutation R($input: RecordActivityInput!) { recordActivity(input: $input) { id } }`, tokens.supervisor, { input });
      await gql(`mutation { verifyActivity(id: "${recordActivity.id}") { verifiedAt } }`, tokens.supervisor);
    }
    await gql(`mutation { computeCompliance(week: "${WEEK}") { stationCount } }`, tokens.admin);
    for (let n = 0; n < 4; n += 1) {
      await gql(REPORT, tokens.officer, { input: { category: 'DAMAGED_MUNICIPAL_FACILITY', description: '巡查发现', source: 'PATROL', location: INSIDE_DN_01_1, resolvedOnSite: n < 3 } });
    }
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  test('given a computed week, when a scheduler downloads its compliance report as XLSX, then the sheet read back has the numbers the GraphQL API answers', async () => {
    const response = await download(`/exports/compliance?week=${WEEK}&format=xlsx`, tokens.scheduler);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename=dingnan-compliance-${WEEK}.xlsx; filename*=UTF-8''${encodeURIComponent(`定南县-达标报告-${WEEK}.xlsx`)}`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const { complianceReport } = await gql(
      `{ complianceReport(week: "${WEEK}") { stations { station { id name } qualifyingSessions requiredSessions serviceMinutes pendingSessions { date } compliant } } }`,
      tokens.admin,
    );
    expect(rows[0]).toEqual(['工作站', '有效场次', '要求场次', '服务时长（分钟）', '待核验场次', '是否达标', '未达标原因']);
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual(
      complianceReport.stations.map((entry: any) => [entry.station.name, entry.qualifyingSessions, entry.requiredSessions, entry.serviceMinutes, entry.pendingSessions.length, entry.compliant ? '达标' : '未达标']),
    );
    const dnS01 = rows.find((row) => row[0] === complianceReport.stations.find((entry: any) => entry.station.id === 'dn-s-01').station.name)!;
    expect(dnS01[6]).toBe('要求 2 次服务，已开展 1 次；2026-11-18：90 分钟，不足 120 分钟');
  });

  test('given patrol reports this month, when a supervisor downloads the month of KPIs as CSV, then each scope row has the numbers of issueStats for that scope', async () => {
    const response = await download(`/exports/kpis?month=${MONTH}&format=csv`, tokens.supervisor);

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`filename=dingnan-kpis-${MONTH}.csv;`);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith('\uFEFF范围,名称,问题总数,')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').slice(1).map((line) => line.split(','));
    const first = DateTime.fromISO(`${MONTH}-01`);
    const period = { from: first.toISODate()!, to: first.endOf('month').toISODate()! };
    const stats = async (scope: Record<string, string>) =>
      (await gql(`query S($stationId: ID, $gridId: ID) { issueStats(from: "${period.from}", to: "${period.to}", stationId: $stationId, gridId: $gridId) { total resolvedOnSite patrolFound } }`, tokens.admin, scope)).issueStats;
    const { stations } = await gql(`{ stations(first: 50) { edges { node { id name } } } }`, tokens.admin);

    expect(rows[0]!.slice(0, 3)).toEqual(['全区', '定南县', '4']);
    const district = await stats({});
    expect(rows[0]!.slice(2, 9).map(Number)).toEqual([district.total, expect.any(Number), expect.any(Number), expect.any(Number), expect.any(Number), district.resolvedOnSite, district.patrolFound]);
    for (const { node } of stations.edges) {
      const row = rows.find((candidate) => candidate[0] === '工作站' && candidate[1] === node.name)!;
      const station = await stats({ stationId: node.id });
      expect([row[2], row[7], row[8]].map(Number)).toEqual([station.total, station.resolvedOnSite, station.patrolFound]);
    }
  });

  test('given a roster of the week, when an admin downloads it as CSV, then its shifts are the API’s, officers by name', async () => {
    const response = await download(`/exports/roster?week=${WEEK}&format=csv`, tokens.admin);
    const { roster } = await gql(`{ roster(week: "${WEEK}") { shifts { date officers { name } } } }`, tokens.admin);

    expect(response.status).toBe(200);
    const lines = (await response.text()).split('\r\n');
    expect(lines[1]).toBe('工作站,日期,班次,开始,结束,时长（分钟）,值守人员,借调人员');
    expect(lines.slice(2, 2 + roster.shifts.length).map((line) => line.split(',').slice(6, 7)[0])).toEqual(roster.shifts.map((shift: any) => shift.officers.map((officer: any) => officer.name).join('、')));
  });

  test('given no token, when an export is asked for, then 401 UNAUTHENTICATED and no file', async () => {
    const response = await download(`/exports/compliance?week=${WEEK}&format=xlsx`);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-disposition')).toBeNull();
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('given a forged token, when an export is asked for, then the authorizer answers 401 before the function', async () => {
    const forged = `${tokens.admin.slice(0, tokens.admin.lastIndexOf('.'))}.AAAA`;

    const response = await download(`/exports/compliance?week=${WEEK}&format=xlsx`, forged);

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ message: 'Unauthorized' });
  });

  test('given an officer token, when an export is asked for, then 403 FORBIDDEN in the language asked for', async () => {
    const response = await download(`/exports/kpis?month=${MONTH}&format=csv`, tokens.officer, { 'accept-language': 'zh-CN' });

    expect(response.status).toBe(403);
    expect(((await response.json()) as any).errors[0]).toEqual({ message: '此操作需要角色 ADMIN 或 SUPERVISOR 或 SCHEDULER', extensions: { code: 'FORBIDDEN' } });
  });

  test('given bad parameters, when an export is asked for, then 400 BAD_USER_INPUT naming each field, in Chinese when asked', async () => {
    const response = await download(`/exports/compliance?week=2025-W53&format=pdf`, tokens.admin, { 'accept-language': 'zh-CN' });

    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as any;
    expect(errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(errors[0].extensions.fields).toEqual([
      { path: 'week', message: '不是该年的周（只有长年才有 W53）' },
      { path: 'format', message: '必须为 csv 或 xlsx' },
    ]);
    const unknownKind = await download(`/exports/attendance?week=${WEEK}&format=csv`, tokens.admin);
    expect(unknownKind.status).toBe(400);
    expect(((await unknownKind.json()) as any).errors[0].extensions.fields).toEqual([{ path: 'kind', message: 'must be compliance, roster or kpis' }]);
    const bothPeriods = await download(`/exports/kpis?month=${MONTH}&from=2026-11-01&to=2026-11-30&format=csv`, tokens.admin);
    expect(((await bothPeriods.json()) as any).errors[0].extensions.fields).toEqual([{ path: 'month', message: 'give month, or from and to, not both' }]);
  });

  test('given a week not computed, when its compliance is exported, then 404 and the export computed and wrote nothing', async () => {
    const response = await download('/exports/compliance?week=2026-W30&format=csv', tokens.admin);

    expect(response.status).toBe(404);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('NOT_FOUND');
    expect((await gql('{ complianceReport(week: "2026-W30") { id } }', tokens.admin)).complianceReport).toBeNull();
  });

  test('given a token of another district and a query naming this one, when an export is asked for, then the token’s district is read and this one’s report is not reached', async () => {
    const response = await download(`/exports/compliance?week=${WEEK}&format=csv&district=dingnan&districtId=dingnan`, tokens.otherDistrict);

    expect(response.status).toBe(404);
  });

  test('given the route, when it is POSTed to, then 404 as the deployed GET-only route answers', async () => {
    const response = await fetch(`${origin}/exports/compliance?week=${WEEK}&format=csv`, { method: 'POST', headers: { authorization: `Bearer ${tokens.admin}` } });

    expect(response.status).toBe(404);
  });

  test('given a supervisor token naming an officer since deactivated, when an export is asked for, then 401 as the staff API treats that token: as none', async () => {
    const token = await signLocalToken(await loadOrCreateSigningKey(dataDir), { role: 'SUPERVISOR', district: 'dingnan', officerId: 'dn-o-12-5' });
    expect((await download(`/exports/roster?week=${WEEK}&format=csv`, token)).status).toBe(200);
    await gql('mutation { deactivateOfficer(id: "dn-o-12-5") { active } }', tokens.admin);

    const response = await download(`/exports/roster?week=${WEEK}&format=csv`, token);

    expect(response.status).toBe(401);
  });
});
