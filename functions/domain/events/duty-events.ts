import type { DomainEvent } from './domain-event';
import { domainEvent } from './event-envelope';

interface WeekChange {
  districtId: string;
  timezone: string;
  at: string;
  /** ISO week, `2026-W48`: the subject's id. */
  week: string;
  /** The week's header version after the change. */
  version: number;
  /** The content hash of the stored result (the same plan or report has the same generation). */
  generation: string;
}

/** A week's roster was generated (stored as DRAFT) or published: counts, never who works when (read that through the API). */
export const rosterEvent = (
  type: 'roster.generated' | 'roster.published',
  change: WeekChange & { status: 'DRAFT' | 'PUBLISHED'; shiftCount?: number; unfilledCount: number },
): DomainEvent =>
  domainEvent({
    type,
    districtId: change.districtId,
    timezone: change.timezone,
    at: change.at,
    subject: { type: 'Roster', id: change.week },
    sequence: change.version,
    data: { week: change.week, status: change.status, generation: change.generation, shiftCount: change.shiftCount, unfilledCount: change.unfilledCount },
  });

/** A week's service-hour compliance report was stored: its totals. */
export const complianceEvent = (change: WeekChange & { stationCount: number; compliantCount: number; complianceRate: number | null }): DomainEvent =>
  domainEvent({
    type: 'compliance.reported',
    districtId: change.districtId,
    timezone: change.timezone,
    at: change.at,
    subject: { type: 'ComplianceReport', id: change.week },
    sequence: change.version,
    data: { week: change.week, generation: change.generation, stationCount: change.stationCount, compliantCount: change.compliantCount, complianceRate: change.complianceRate },
  });
