import { DateTime } from 'luxon';
import { BadUserInputError } from '../../shared/errors';
import type { DutyPolicy } from '../duty-policy';
import { metresBetween, type GeoPoint } from '../issues/routing';

/** How long before a shift's start check-in opens, when the policy does not say. */
export const DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE = 30;

export interface AttendedShift {
  id: string;
  startsAt: string;
  endsAt: string;
}

const MINUTE = 60_000;

/**
 * When attendance may be recorded (docs/duty.md, Attendance): check-in from
 * `checkInOpensMinutesBefore` (default 30) before the shift's start until its end, check-out
 * until the same number of minutes after its end. A check-in after the start is late, by whole
 * minutes. Anything outside is BAD_USER_INPUT on `shiftId` and writes nothing.
 */
export function attendanceTiming(action: 'checkIn' | 'checkOut', shift: AttendedShift, at: Date, policy: DutyPolicy, timezone: string): { lateMinutes: number } {
  const tolerance = policy.checkInOpensMinutesBefore ?? DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE;
  const start = Date.parse(shift.startsAt);
  const end = Date.parse(shift.endsAt);
  const now = at.getTime();
  const local = (millis: number) => DateTime.fromMillis(millis, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm");
  if (action === 'checkIn') {
    if (now < start - tolerance * MINUTE) throw BadUserInputError.of('shiftId', `check-in opens at ${local(start - tolerance * MINUTE)}, ${tolerance} minutes before the shift starts`);
    if (now > end) throw BadUserInputError.of('shiftId', `the shift ended at ${local(end)}: check-in is closed`);
    return { lateMinutes: Math.max(0, Math.floor((now - start) / MINUTE)) };
  }
  if (now > end + tolerance * MINUTE) throw BadUserInputError.of('shiftId', `check-out closed at ${local(end + tolerance * MINUTE)}, ${tolerance} minutes after the shift ended`);
  return { lateMinutes: 0 };
}

/**
 * Located check-in (定位打卡): with `checkInRadiusMeters` set (0 or absent: off), an officer's
 * own check-in must carry a location within that many metres of the station, else
 * BAD_USER_INPUT on `location` with the distance. Answers the distance whenever both points are
 * known, so it is recorded even when the check is off.
 */
export function checkInDistance(policy: DutyPolicy, station: { location?: GeoPoint }, given: GeoPoint | undefined, onOwnToken: boolean): number | undefined {
  const radius = policy.checkInRadiusMeters ?? 0;
  const distance = given && station.location ? Math.round(metresBetween(given, station.location)) : undefined;
  if (radius <= 0 || !onOwnToken) return distance;
  if (!given) throw BadUserInputError.of('location', `is required: this district checks in within ${radius} m of the station`);
  if (distance === undefined) throw BadUserInputError.of('location', 'cannot be checked: the station has no location; ask an ADMIN to set it');
  if (distance > radius) throw BadUserInputError.of('location', `is ${distance} m from the station; check-in is allowed within ${radius} m`);
  return distance;
}
