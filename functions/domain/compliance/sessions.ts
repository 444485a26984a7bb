import { DateTime } from 'luxon';
import { localDateOf, minutesBetween, weekBounds } from '../duty/iso-week';
import type { ComplianceInput, ServiceSession } from './types';

/** One officer (or nobody, for an activity without officers) serving at a station for a while. */
interface Presence {
  stationId: string;
  start: number;
  end: number;
  officerId?: string;
  activityId?: string;
  shiftId?: string;
}

/**
 * Where and when service was given in the week: SERVICE_SESSION activities (every officer
 * listed present throughout) and attended shifts (each officer from check-in to check-out; a
 * check-in without a check-out is not counted). Only starts within the week count.
 */
function presences(input: ComplianceInput): Presence[] {
  const { start, end } = weekBounds(input.week, input.timezone);
  const inWeek = (instant: number) => instant >= start.toMillis() && instant < end.toMillis();
  const found: Presence[] = [];
  for (const activity of input.activities) {
    if (activity.kind !== 'SERVICE_SESSION' || !activity.stationId) continue;
    const from = Date.parse(activity.startsAt);
    const to = Date.parse(activity.endsAt);
    if (!inWeek(from) || to <= from) continue;
    const officers = activity.officerIds.length > 0 ? activity.officerIds : [undefined];
    for (const officerId of officers) found.push({ stationId: activity.stationId, start: from, end: to, officerId, activityId: activity.id });
  }
  const shifts = new Map(input.shifts.map((shift) => [shift.id, shift]));
  for (const record of input.attendance) {
    const shift = shifts.get(record.shiftId);
    if (!shift || !record.checkedOutAt) continue;
    const from = Date.parse(record.checkedInAt);
    const to = Date.parse(record.checkedOutAt);
    if (!inWeek(from) || to <= from) continue;
    found.push({ stationId: shift.stationId, start: from, end: to, officerId: record.officerId, shiftId: shift.id });
  }
  return found;
}

/**
 * Each station's sessions in time order: presences that overlap or touch are one session.
 * `isEnforcement` tells which officers count towards `minEnforcementPerSession`.
 */
export function sessionsByStation(input: ComplianceInput, isEnforcement: (officerId: string) => boolean): Map<string, ServiceSession[]> {
  const byStation = new Map<string, Presence[]>();
  for (const presence of presences(input)) {
    const list = byStation.get(presence.stationId) ?? [];
    list.push(presence);
    byStation.set(presence.stationId, list);
  }
  const sessions = new Map<string, ServiceSession[]>();
  for (const [stationId, list] of byStation) {
    list.sort((a, b) => a.start - b.start || a.end - b.end);
    const groups: Presence[][] = [];
    let groupEnd = -Infinity;
    for (const presence of list) {
      if (presence.start > groupEnd) groups.push([]);
      groups.at(-1)!.push(presence);
      groupEnd = Math.max(groupEnd, presence.end);
    }
    sessions.set(stationId, groups.map((group) => toSession(group, input, isEnforcement)));
  }
  return sessions;
}

function toSession(group: Presence[], input: ComplianceInput, isEnforcement: (officerId: string) => boolean): ServiceSession {
  const iso = (millis: number) => DateTime.fromMillis(millis, { zone: input.timezone }).toISO({ suppressMilliseconds: true })!;
  const startsAt = iso(Math.min(...group.map((presence) => presence.start)));
  const endsAt = iso(Math.max(...group.map((presence) => presence.end)));
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => !!value))].sort();
  const officerIds = distinct(group.map((presence) => presence.officerId));
  const enforcementOfficerIds = officerIds.filter(isEnforcement);
  const minutes = minutesBetween(startsAt, endsAt);
  return {
    date: localDateOf(startsAt, input.timezone),
    startsAt,
    endsAt,
    minutes,
    officerIds,
    enforcementOfficerIds,
    activityIds: distinct(group.map((presence) => presence.activityId)),
    shiftIds: distinct(group.map((presence) => presence.shiftId)),
    qualifies: minutes >= input.policy.minSessionMinutes && enforcementOfficerIds.length >= input.policy.minEnforcementPerSession,
  };
}
