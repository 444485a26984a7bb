import type { ComplianceRunSummary } from '../app/compliance/scheduled-run';
import type { StoredComplianceReport } from '../store/compliance-reports';
import type { StoredRoster } from '../store/rosters';

/** Plain-text tables for the duty CLI: columns padded to their widest cell (CJK counted double). */
export function table(headers: string[], rows: string[][]): string {
  const width = (text: string) => [...text].reduce((sum, char) => sum + (/[\u1100-\uffff]/.test(char) ? 2 : 1), 0);
  const widths = headers.map((header, column) => Math.max(width(header), ...rows.map((row) => width(row[column] ?? ''))));
  const line = (cells: string[]) => cells.map((cell, column) => cell + ' '.repeat(widths[column]! - width(cell))).join('  ').trimEnd();
  return [line(headers), line(widths.map((size) => '-'.repeat(size))), ...rows.map(line)].join('\n');
}

export function rosterTable(roster: StoredRoster, stationNames: Map<string, string>): string {
  const { header } = roster;
  const rows = roster.shifts.map((shift) => [
    stationNames.get(shift.stationId) ?? shift.stationId,
    shift.date,
    `${shift.window} ${shift.startsAt.slice(11, 16)}–${shift.endsAt.slice(11, 16)}`,
    shift.officerIds.join(', '),
    shift.borrowedOfficerIds.join(', ') || '-',
  ]);
  const unfilled = header.unfilled.map((demand) => [stationNames.get(demand.stationId) ?? demand.stationId, demand.date, demand.reason]);
  return [
    `roster ${header.week}: ${header.status}, ${roster.shifts.length} shifts, ${header.unfilled.length} unfilled, fairness spread ${header.fairness.maxSpreadMinutes} min, generated ${header.generatedAt}`,
    table(['station', 'date', 'window', 'officers', 'borrowed'], rows),
    ...(unfilled.length > 0 ? ['', table(['unfilled station', 'date', 'reason'], unfilled)] : []),
  ].join('\n');
}

export function complianceTable(report: StoredComplianceReport, stationNames: Map<string, string>, summary?: ComplianceRunSummary): string {
  const { header } = report;
  const rate = header.complianceRate === null ? 'n/a' : `${Math.round(header.complianceRate * 100)} %`;
  const rows = report.stations.map((station) => [
    stationNames.get(station.stationId) ?? station.stationId,
    `${station.qualifyingSessions}/${station.requiredSessions}`,
    String(station.serviceMinutes),
    station.compliant ? 'yes' : 'NO',
    station.reasons.join('; '),
  ]);
  return [
    `compliance ${header.week}: ${header.compliantCount} of ${header.stationCount} stations compliant (${rate}), generated ${header.generatedAt}` +
      (summary ? `, ${summary.eventsPublished} event(s) published` : ''),
    table(['station', 'sessions', 'minutes', 'compliant', 'reasons'], rows),
  ].join('\n');
}
