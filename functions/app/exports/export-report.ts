import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import type { ExportFormat, ExportKind } from '../../domain/exports';
import { translateNote } from '../../domain/messages/translate';
import { exportKindArgument, kpiExportArguments, weeklyExportArguments } from '../../domain/validation/export-inputs';
import { issueStatsArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { NotFoundError } from '../../shared/errors';
import { servicesOfRequest, type Services } from '../services';
import { toCsv } from './csv';
import { complianceExport, rosterExport, type ExportNames } from './duty-export-tables';
import type { ExportTable } from './export-table';
import { kpiExport, monthPeriod, periodKpis } from './issue-kpis';
import { toXlsx } from './xlsx';

/** One export, ready to send: its bytes, its media type and its names. */
export interface ExportFile {
  format: ExportFormat;
  contentType: string;
  /** What people see: the district's and the report's names in Chinese, e.g. `定南县-达标报告-2026-W47.xlsx`. */
  filename: string;
  /** The same in ASCII, for clients that read no RFC 8187 `filename*`: `dingnan-compliance-2026-W47.xlsx`. */
  asciiFilename: string;
  body: Buffer;
}

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const CHINESE_NAMES: Record<ExportKind, string> = { compliance: '达标报告', roster: '排班表', kpis: '问题指标' };

/**
 * The compliance report or the roster of a week, or a period's issue KPIs (a month in one
 * call: the monthly report, 月报), as CSV or XLSX with Chinese headers, in the caller's district:
 * the same tables as the CLI's exports, from the stored report and roster the API reads (never
 * computed here: this only reads) and the use case behind issueStats. Who may: exportReports.
 * `args` are the route's kind and its query parameters, checked here (BAD_USER_INPUT naming each).
 */
export async function exportReport(containerServices: Services, caller: Caller | undefined, args: Record<string, string | undefined>): Promise<ExportFile> {
  // The district's item is read once, for its name and the KPIs alike.
  const services = servicesOfRequest(containerServices);
  const known = requireOperation(caller, 'exportReports');
  const { kind } = parseArguments(exportKindArgument, { kind: args.kind });
  const { districtId } = known;
  const districtName = async () => (await services.districts.get(districtId))?.name ?? districtId;
  if (kind === 'kpis') {
    const { month, from, to, format } = parseArguments(kpiExportArguments, args);
    const period = parseArguments(issueStatsArguments, month ? monthPeriod(month) : { from, to });
    const tables = kpiExport(period, await periodKpis(services, known, period));
    const label = month ?? `${period.from}_${period.to}`;
    return render(tables, format, { chinese: `${await districtName()}-${CHINESE_NAMES.kpis}-${label}`, ascii: `${districtId}-kpis-${label}` });
  }
  const { week, format } = parseArguments(weeklyExportArguments, args);
  const names = await namesOf(services, districtId);
  const tables = kind === 'roster' ? await rosterTables(services, districtId, week, names) : await complianceTables(services, districtId, week, names);
  return render(tables, format, { chinese: `${await districtName()}-${CHINESE_NAMES[kind]}-${week}`, ascii: `${districtId}-${kind}-${week}` });
}

/** A week not yet planned is NOT_FOUND: generateRoster (or the Friday job) makes it. */
async function rosterTables(services: Services, districtId: string, week: string, names: ExportNames): Promise<ExportTable[]> {
  const roster = await services.duty.rosters.read(districtId, week);
  if (!roster) throw new NotFoundError('Roster', week);
  return rosterExport(roster, names);
}

/**
 * A week not yet computed is NOT_FOUND: computeCompliance (or the Monday job) makes it. The
 * reasons are stored in English; a file with Chinese headers gets them in Chinese.
 */
async function complianceTables(services: Services, districtId: string, week: string, names: ExportNames): Promise<ExportTable[]> {
  const report = await services.duty.complianceReports.read(districtId, week);
  if (!report) throw new NotFoundError('ComplianceReport', week);
  const stations = report.stations.map((verdict) => ({ ...verdict, reasons: verdict.reasons.map((reason) => translateNote(reason, 'zh-CN')) }));
  return complianceExport({ ...report, stations }, names);
}

async function namesOf(services: Services, districtId: string): Promise<ExportNames> {
  const [stations, officers] = await Promise.all([services.stations.all(districtId), services.officers.all(districtId)]);
  return { stations: new Map(stations.map((station) => [station.id, station.name])), officers: new Map(officers.map((officer) => [officer.id, officer.name])) };
}

async function render(tables: ExportTable[], format: ExportFormat, names: { chinese: string; ascii: string }): Promise<ExportFile> {
  const body = format === 'xlsx' ? await toXlsx(tables) : Buffer.from(toCsv(tables), 'utf8');
  return { format, contentType: CONTENT_TYPES[format], filename: `${names.chinese}.${format}`, asciiFilename: `${names.ascii}.${format}`, body };
}
