import { DateTime } from 'luxon';
import { localDateOf, minutesBetween, weekBounds } from '../duty/iso-week';
import type { ComplianceInput, PendingSession, ServiceSession } from './types';

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
 * Where and when service was given in the week: attended shifts (each officer from check-in to
 * check-out; a check-in without a check-out is not counted) and SERVICE_SESSION activities, each
 * listed officer counted only with evidence of presence — the activity was verified by a
 * supervisor, or the officer's check-in at that station covers it (from check-in to check-out,
 * or to the shift's end while still checked in). Officers without it make the activity pending.
 * Only starts within the week count.
 */
function presences(input: ComplianceInput): { found: Presence[]; pending: (PendingSession & { stationId: string })[] } {
  const { start, end } = weekBounds(input.week, input.timezone);
  const inWeek = (instant: number) => instant >= start.toMillis() && instant < end.toMillis();
  const found: Presence[] = [];
  const pending: (PendingSession & { stationId: string })[] = [];
  const shifts = new Map(input.shifts.map((shift) => [shift.id, shift]));
  const checkIns = new Map<string, { from: number; to: number }[]>();
  for (const record of input.attendance) {
    const shift = shifts.get(record.shiftId);
    if (!shift) continue;
    const key = `${record.officerId}@${shift.stationId}`;
    checkIns.set(key, [...(checkIns.get(key) ?? []), { from: Date.parse(record.checkedInAt), to: Date.parse(record.checkedOutAt ?? shift.endsAt) }]);
  }
  const covers = (officerId: string, stationId: string, from: number, to: number) =>
    (checkIns.get(`${officerId}@${stationId}`) ?? []).some((span) => span.from <= from && span.to >= to);
  for (const activity of input.activities) {
    if (activity.kind !== 'SERVICE_SESSION' || !activity.stationId) continue;
    const from = Date.parse(activity.startsAt);
    const to = Date.parse(activity.endsAt);
    if (!inWeek(from) || to <= from) continue;
    const verified = activity.verifiedAt !== undefined;
    const shown = activity.officerIds.filter((officerId) => verified || covers(officerId, activity.stationId!, from, to));
    const unshown = activity.officerIds.filter((officerId) => !shown.includes(officerId));
    if (!verified && (unshown.length > 0 || activity.officerIds.length === 0)) {
      pending.push({
        stationId: activity.stationId,
        activityId: activity.id,
        date: localDateOf(activity.startsAt, input.timezone),
        startsAt: activity.startsAt,
        endsAt: activity.endsAt,
        minutes: minutesBetween(activity.startsAt, activity.endsAt),
        officerIds: [...unshown].sort(),
      });
    }
    const counted = verified && activity.officerIds.length === 0 ? [undefined] : shown;
    for (const officerId of counted) found.push({ stationId: activity.stationId, start: from, end: to, officerId, activityId: activity.id });
  }
  for (const record of input.attendance) {
    const shift = shifts.get(record.shiftId);
    if (!shift || !record.checkedOutAt) continue;
    const from = Date.parse(record.checkedInAt);
    const to = Date.parse(record.checkedOutAt);
    if (!inWeek(from) || to <= from) continue;
    found.push({ stationId: shift.stationId, start: from, end: to, officerId: record.officerId, shiftId: shift.id });
  }
  return { found, pending };
}

/**
 * Each station's sessions in time order: presences that overlap or touch are one session.
 * `isEnforcement` tells which officers count towards `minEnforcementPerSession`.
 */
export function sessionsByStation(
  input: ComplianceInput,
  isEnforcement: (officerId: string) => boolean,
): { sessions: Map<string, ServiceSession[]>; pending: Map<string, PendingSession[]> } {
  const { found, pending } = presences(input);
  const byStation = new Map<string, Presence[]>();
  for (const presence of found) {
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
  return { sessions, pending: pendingByStation(pending) };
}

/** Pending sessions by station, in time order. */
function pendingByStation(pending: (PendingSession & { stationId: string })[]): Map<string, PendingSession[]> {
  const byStation = new Map<string, PendingSession[]>();
  const sorted = [...pending].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.activityId < b.activityId ? -1 : 1));
  for (const { stationId, ...session } of sorted) byStation.set(stationId, [...(byStation.get(stationId) ?? []), session]);
  return byStation;
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
