import type { ComplianceRunSummary } from '../app/compliance/scheduled-run';
import type { StoredComplianceReport } from '../store/compliance-reports';
import type { StoredRoster } from '../store/rosters';

/** How many terminal columns a text takes. */
export type TextWidth = (text: string) => number;

/**
 * string-width: East Asian wide and full-width forms take two columns, half-width forms
 * (ｱ, ｶﾞ) one, combining marks and emoji as terminals show them. An ES module, hence the import().
 */
export async function terminalTextWidth(): Promise<TextWidth> {
  return (await import('string-width')).default;
}

/** A plain-text table for the duty CLI: columns padded to their widest cell as `width` measures it. */
export function table(headers: string[], rows: string[][], width: TextWidth): string {
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  ').trimEnd();
  return [line(headers), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)].join('\n');
}

/** Names of stations and officers, by id, as the tables print them (an unknown id prints as itself). */
export interface DutyNames {
  stations: Map<string, string>;
  officers: Map<string, string>;
}

/** What the tables need besides the data: names, and the width of text in a terminal. */
export interface TableStyle {
  names: DutyNames;
  width: TextWidth;
}

export function rosterTable(roster: StoredRoster, { names, width }: TableStyle): string {
  const stationNames = names.stations;
  const officer = (id: string) => names.officers.get(id) ?? id;
  const { header } = roster;
  const rows = roster.shifts.map((shift) => [
    stationNames.get(shift.stationId) ?? shift.stationId,
    shift.date,
    `${shift.window} ${shift.startsAt.slice(11, 16)}–${shift.endsAt.slice(11, 16)}`,
    shift.officerIds.map(officer).join('、'),
    shift.borrowedOfficerIds.map(officer).join('、') || '-',
  ]);
  const unfilled = header.unfilled.map((demand) => [stationNames.get(demand.stationId) ?? demand.stationId, demand.date, demand.reason]);
  return [
    `roster ${header.week}: ${header.status}, ${roster.shifts.length} shifts, ${header.unfilled.length} unfilled, fairness spread ${header.fairness.maxSpreadMinutes} min, generated ${header.generatedAt}`,
    table(['station', 'date', 'window', 'officers', 'borrowed'], rows, width),
    ...(unfilled.length > 0 ? ['', table(['unfilled station', 'date', 'reason'], unfilled, width)] : []),
  ].join('\n');
}

export function complianceTable(report: StoredComplianceReport, { names, width }: TableStyle, summary?: ComplianceRunSummary): string {
  const stationNames = names.stations;
  const { header } = report;
  const rate = header.complianceRate === null ? 'n/a' : `${Math.round(header.complianceRate * 100)} %`;
  const rows = report.stations.map((station) => [
    stationNames.get(station.stationId) ?? station.stationId,
    `${station.qualifyingSessions}/${station.requiredSessions}`,
    String(station.serviceMinutes),
    String((station.pendingSessions ?? []).length),
    station.compliant ? 'yes' : 'NO',
    station.reasons.join('; ') || '-',
  ]);
  return [
    `compliance ${header.week}: ${header.compliantCount} of ${header.stationCount} stations compliant (${rate}), generated ${header.generatedAt}` +
      (summary ? `, ${summary.eventsPublished} event(s) published` : ''),
    table(['station', 'sessions', 'minutes', 'pending', 'compliant', 'reasons'], rows, width),
  ].join('\n');
}
