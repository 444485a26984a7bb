import { attendee } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { requireCaller } from '../../domain/caller';
import { attendanceTiming, checkInDistance } from '../../domain/duty/attendance-rules';
import { inZone } from '../../domain/time';
import { attendanceArguments } from '../../domain/validation/duty-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { AttendanceItem } from '../../store/attendance';
import type { ShiftRecord } from '../../store/rosters';
import type { Services } from '../services';

export interface AttendanceOutcome {
  shift: ShiftRecord;
  attendance: AttendanceItem;
  changed: boolean;
}

/**
 * checkIn / checkOut (docs/duty.md, Attendance). Personal: the officer's own token records their
 * own, a SUPERVISOR may record for an officer and the record says so. In time: within the
 * shift's window and the policy's tolerance; a late check-in keeps its minutes. In place: with
 * located check-in on, an officer's own check-in must be near the station. The shift must be on
 * the current roster and the officer on it. Repeating a call writes nothing and answers
 * `changed: false`; a refused call writes nothing.
 */
export async function recordAttendance(services: Services, caller: Caller | undefined, args: unknown, action: 'checkIn' | 'checkOut'): Promise<AttendanceOutcome> {
  const known = requireCaller(caller);
  const { shiftId, officerId: named, location } = parseArguments(attendanceArguments, args);
  const { officerId, onOwnToken } = attendee(known, named);
  const { districtId } = known;
  const [found, district] = await Promise.all([services.duty.rosters.findShift(districtId, shiftId), services.districts.get(districtId)]);
  if (!found) throw new NotFoundError('DutyShift', shiftId);
  if (!district) throw new NotFoundError('District', districtId);
  const { shift } = found;
  if (!shift.officerIds.includes(officerId)) {
    if (onOwnToken) throw new ForbiddenError(`You are not on shift ${shiftId}`);
    throw BadUserInputError.of('officerId', `is not on shift ${shiftId}`);
  }
  const now = services.clock();
  const { lateMinutes } = attendanceTiming(action, shift, now, district.policy, district.timezone);
  const at = inZone(now.toISOString(), district.timezone);
  const { attendance } = services.duty;
  if (action === 'checkOut') return { shift, ...(await attendance.checkOut(districtId, shift.week, shift.id, officerId, at, known.subject)) };
  const station = (await services.stations.get(districtId, shift.stationId)) ?? {};
  const distanceMeters = checkInDistance(district.policy, station, location, onOwnToken);
  const change = await attendance.checkIn(districtId, shift.week, shift.id, officerId, at, known.subject, { lateMinutes, onBehalf: !onOwnToken, distanceMeters });
  return { shift, ...change };
}
