import { targetWeek, type ScheduledEvent } from '../../domain/duty/scheduled-event';
import { NotFoundError } from '../../shared/errors';
import { generateWeekRoster, type RosterJobServices } from './generate-roster';
import type { RosterSaveOutcome } from '../../store/rosters';

export interface RosterRunSummary {
  districtId: string;
  week: string;
  outcome: RosterSaveOutcome;
  shifts: number;
  unfilled: number;
}

/**
 * The Friday 18:00 run: plans next week (relative to the schedule's fire time, in the district's
 * time zone). Never forces: a week already PUBLISHED is kept. Re-running it (a retry) stores the
 * same roster and reports UNCHANGED.
 */
export async function runScheduledRoster(services: RosterJobServices, districtId: string, event: ScheduledEvent, now: Date): Promise<RosterRunSummary> {
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  const week = targetWeek(event, district.timezone, 1, now);
  const { outcome, roster } = await generateWeekRoster(services, districtId, week, { force: false, now: now.toISOString() });
  return { districtId, week, outcome, shifts: roster.shifts.length, unfilled: roster.header.unfilled.length };
}
