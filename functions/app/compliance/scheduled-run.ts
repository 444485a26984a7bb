import { targetWeek, type ScheduledEvent } from '../../domain/duty/scheduled-event';
import { NotFoundError } from '../../shared/errors';
import type { StoredComplianceReport } from '../../store/compliance-reports';
import type { SnapshotOutcome } from '../../store/week-snapshot';
import { computeWeekCompliance, type ComplianceJobServices } from './compute-compliance';
import type { CompliancePublisher, NonCompliantStationsEvent } from './event-publisher';

export interface ComplianceRunSummary {
  districtId: string;
  week: string;
  outcome: SnapshotOutcome;
  compliant: number;
  stations: number;
  /** Events published by this run (0 when this report was announced before, or all stations complied). */
  eventsPublished: number;
}

const STATIONS_PER_EVENT = 100;
const REASONS_PER_STATION = 5;

/**
 * The Monday 02:00 run: evaluates last week (relative to the schedule's fire time, district
 * time), stores the report, and announces the non-compliant stations once per report: the
 * header records which report generation was announced, so a retry after a crash re-publishes
 * only if the announcement had not been recorded (at-least-once; `reportId` lets subscribers
 * drop the rare duplicate).
 */
export async function runScheduledCompliance(
  services: ComplianceJobServices,
  publisher: CompliancePublisher,
  districtId: string,
  event: ScheduledEvent,
  now: Date,
): Promise<ComplianceRunSummary> {
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  const week = targetWeek(event, district.timezone, -1, now);
  const { outcome, report } = await computeWeekCompliance(services, districtId, week, { now: now.toISOString() });
  let eventsPublished = 0;
  if (report.header.announcedGeneration !== report.header.generation) {
    const events = announcements(districtId, report);
    for (const announcement of events) await publisher.publish(announcement);
    await services.duty.complianceReports.markAnnounced(districtId, week, report.header.generation);
    eventsPublished = events.length;
  }
  return { districtId, week, outcome, compliant: report.header.compliantCount, stations: report.header.stationCount, eventsPublished };
}

function announcements(districtId: string, report: StoredComplianceReport): NonCompliantStationsEvent[] {
  const missed = report.stations
    .filter((station) => !station.compliant)
    .map((station) => ({
      stationId: station.stationId,
      qualifyingSessions: station.qualifyingSessions,
      requiredSessions: station.requiredSessions,
      reasons: station.reasons.slice(0, REASONS_PER_STATION),
    }));
  const parts = Math.ceil(missed.length / STATIONS_PER_EVENT);
  return Array.from({ length: parts }, (_unused, index) => ({
    districtId,
    week: report.header.week,
    reportId: `${report.header.week}/${report.header.generation}`,
    stationCount: report.header.stationCount,
    compliantCount: report.header.compliantCount,
    part: index + 1,
    parts,
    stations: missed.slice(index * STATIONS_PER_EVENT, (index + 1) * STATIONS_PER_EVENT),
  }));
}
