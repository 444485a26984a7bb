import type { DutyPolicy } from '../duty-policy';
import type { OfficerRole, Weekday } from '../vocabulary';

/** What the planner knows of a station. Inactive stations get no duty. */
export interface RosterStation {
  id: string;
  active: boolean;
}

/** What the planner knows of an officer. Inactive officers are never rostered. */
export interface RosterOfficer {
  id: string;
  role: OfficerRole;
  partyMember: boolean;
  /** Home station; an officer without one (or whose station is inactive) is only ever borrowed. */
  stationId?: string;
  active: boolean;
  unavailableWeekdays: readonly Weekday[];
  /** Personal weekly cap; the policy's cap when absent. */
  maxWeeklyDutyMinutes?: number;
}

/** Dated leave, both ends inclusive (district-local dates). */
export interface RosterLeave {
  officerId: string;
  from: string;
  to: string;
}

/** Everything a roster depends on: the same input gives the same plan, byte for byte. */
export interface RosterInput {
  week: string;
  timezone: string;
  policy: DutyPolicy;
  stations: readonly RosterStation[];
  officers: readonly RosterOfficer[];
  leave: readonly RosterLeave[];
}

export interface PlannedShift {
  /** `<date>.<window>.<stationId>`: stable across regenerations, and names its week. */
  id: string;
  stationId: string;
  date: string;
  window: string;
  startsAt: string;
  endsAt: string;
  minutes: number;
  /** Sorted by id. */
  officerIds: string[];
  /** The subset of `officerIds` whose home station is another one (or none). */
  borrowedOfficerIds: string[];
}

/**
 * Why a demand could not be met:
 * - NO_WINDOW_LONG_ENOUGH: no policy window lasts `minSessionMinutes`;
 * - MORE_SESSIONS_THAN_DAYS: more sessions than days while sessions must be on distinct days;
 * - NO_ENFORCEMENT_OFFICERS: the district has no active officer who may staff a shift;
 * - ENFORCEMENT_UNAVAILABLE: every such officer is on leave or off on the days still open;
 * - WEEKLY_CAP_REACHED: officers are free on an open day but at their weekly minutes cap;
 * - ENFORCEMENT_FULLY_BOOKED: every free officer is already on another shift on the open days;
 * - NOT_ENOUGH_ENFORCEMENT: a shift found some, but fewer than `minEnforcementPerSession`, officers.
 */
export type UnfilledReason =
  | 'NO_WINDOW_LONG_ENOUGH'
  | 'MORE_SESSIONS_THAN_DAYS'
  | 'NO_ENFORCEMENT_OFFICERS'
  | 'ENFORCEMENT_UNAVAILABLE'
  | 'WEEKLY_CAP_REACHED'
  | 'ENFORCEMENT_FULLY_BOOKED'
  | 'NOT_ENOUGH_ENFORCEMENT';

export interface UnfilledDemand {
  stationId: string;
  /** The day the session was meant for (its preferred, spread-out day). */
  date: string;
  reason: UnfilledReason;
}

/** Spread of weekly duty minutes between the home officers of each station who may staff a shift. */
export interface RosterFairness {
  /** The largest max − min over stations. */
  maxSpreadMinutes: number;
  stations: { stationId: string; minMinutes: number; maxMinutes: number }[];
}

export interface RosterPlan {
  week: string;
  shifts: PlannedShift[];
  unfilled: UnfilledDemand[];
  fairness: RosterFairness;
}
