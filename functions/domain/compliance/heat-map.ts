import { daysOfWeek } from '../duty/iso-week';
import type { StationVerdict } from './types';

/** One station on one day of the week. */
export interface HeatMapCell {
  date: string;
  /** Minutes of service that day (evidence only: pending sessions are not in them). */
  minutes: number;
  /** Service was given that day but no session of it qualified (too short, or no enforcement officer). */
  short: boolean;
  /** Sessions awaiting verification that day. */
  pending: number;
}

export interface HeatMapRow {
  stationId: string;
  compliant: boolean;
  cells: HeatMapCell[];
}

/**
 * The week as a station × day grid of service minutes, from a compliance report's verdicts:
 * what the SVG heat map draws and its test reads. Rows in the report's order, days Monday first.
 */
export function heatMapRows(week: string, timezone: string, stations: readonly StationVerdict[]): HeatMapRow[] {
  const days = daysOfWeek(week, timezone);
  return stations.map((verdict) => ({
    stationId: verdict.stationId,
    compliant: verdict.compliant,
    cells: days.map(({ date }) => {
      const sessions = verdict.sessions.filter((session) => session.date === date);
      return {
        date,
        minutes: sessions.reduce((sum, session) => sum + session.minutes, 0),
        short: sessions.length > 0 && !sessions.some((session) => session.qualifies),
        pending: (verdict.pendingSessions ?? []).filter((session) => session.date === date).length,
      };
    }),
  }));
}
