import type { DutyPolicy } from '../duty-policy';
import type { OfficerRole } from '../vocabulary';

export interface ComplianceStation {
  id: string;
}

export interface ComplianceOfficer {
  id: string;
  role: OfficerRole;
}

/** An activity as the evaluator sees it; only SERVICE_SESSION activities at a station count. */
export interface ServiceActivity {
  id: string;
  kind: string;
  stationId?: string;
  startsAt: string;
  endsAt: string;
  officerIds: readonly string[];
  /** Set when a SUPERVISOR verified the session (verifyActivity): every listed officer counts. */
  verifiedAt?: string;
}

export interface RosteredShift {
  id: string;
  stationId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  officerIds: readonly string[];
}

export interface AttendanceRecord {
  shiftId: string;
  officerId: string;
  checkedInAt: string;
  checkedOutAt?: string;
}

/** Everything an evaluation depends on; the same input gives the same result. */
export interface ComplianceInput {
  week: string;
  timezone: string;
  policy: DutyPolicy;
  /** Shifts ending after this instant are not counted as no-shows yet. */
  evaluatedAt: string;
  stations: readonly ComplianceStation[];
  officers: readonly ComplianceOfficer[];
  activities: readonly ServiceActivity[];
  shifts: readonly RosteredShift[];
  attendance: readonly AttendanceRecord[];
}

/** Service at one station without a break: overlapping (or touching) activities and attended shifts merged. */
export interface ServiceSession {
  date: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  officerIds: string[];
  enforcementOfficerIds: string[];
  activityIds: string[];
  shiftIds: string[];
  qualifies: boolean;
}

/**
 * A SERVICE_SESSION activity whose presence is not shown for some of its officers: neither
 * verified by a supervisor nor covered by their check-in at the station. Those officers do not
 * count towards any session until it is verified.
 */
export interface PendingSession {
  activityId: string;
  date: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** The officers whose presence is not shown (empty for an activity that names none). */
  officerIds: string[];
}

export interface StationVerdict {
  stationId: string;
  qualifyingSessions: number;
  requiredSessions: number;
  serviceMinutes: number;
  compliant: boolean;
  /** Empty when compliant; otherwise what a person can act on. */
  reasons: string[];
  sessions: ServiceSession[];
  /** Service sessions awaiting verification; not counted. Absent on reports stored before evidence was required. */
  pendingSessions?: PendingSession[];
}

/** Rostered against attended duty of one officer in the week. */
export interface OfficerDuty {
  officerId: string;
  rosteredShifts: number;
  rosteredMinutes: number;
  attendedShifts: number;
  attendedMinutes: number;
  /** Rostered shifts that ended with no check-in. */
  noShows: number;
}

export interface ComplianceResult {
  week: string;
  stationCount: number;
  compliantCount: number;
  /** compliantCount / stationCount; null without stations. */
  complianceRate: number | null;
  stations: StationVerdict[];
  officers: OfficerDuty[];
}
