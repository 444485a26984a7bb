/** The district's duty rules (docs/domain.md, Duty policy). Xi'an's rule: 2 sessions a week, 2 hours each, with an enforcement officer. */
export interface ShiftWindow {
  name: string;
  /** Local time `HH:mm`. */
  start: string;
  end: string;
}

export interface DutyPolicy {
  minSessionsPerWeek: number;
  minSessionMinutes: number;
  minEnforcementPerSession: number;
  minPartyMembersPerTeam: number;
  maxWeeklyDutyMinutes: number;
  sessionsOnDistinctDays: boolean;
  shiftWindows: ShiftWindow[];
  /** Check-in opens this many minutes before a shift starts (and check-out closes as long after it ends); absent: 30. */
  checkInOpensMinutesBefore?: number;
  /** Located check-in: an officer checks in within this many metres of the station. Absent or 0: off. */
  checkInRadiusMeters?: number;
}

export const defaultDutyPolicy: DutyPolicy = {
  minSessionsPerWeek: 2,
  minSessionMinutes: 120,
  minEnforcementPerSession: 1,
  minPartyMembersPerTeam: 2,
  maxWeeklyDutyMinutes: 960,
  sessionsOnDistinctDays: true,
  shiftWindows: [
    { name: 'EARLY', start: '08:00', end: '12:00' },
    { name: 'MIDDLE', start: '12:00', end: '16:00' },
    { name: 'LATE', start: '16:00', end: '20:00' },
  ],
};
