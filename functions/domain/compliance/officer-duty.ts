import { minutesBetween } from '../duty/iso-week';
import type { ComplianceInput, OfficerDuty } from './types';

/**
 * Per officer: rostered shifts and minutes against attended ones (check-in to check-out; a
 * check-in not yet closed counts as attended with no minutes), and no-shows: rostered shifts
 * that ended by `evaluatedAt` without a check-in. In officer id order.
 */
export function officerDuty(input: ComplianceInput): OfficerDuty[] {
  const evaluatedAt = Date.parse(input.evaluatedAt);
  const attendance = new Map(input.attendance.map((record) => [`${record.shiftId}|${record.officerId}`, record]));
  const duty = new Map<string, OfficerDuty>();
  for (const shift of input.shifts) {
    const minutes = minutesBetween(shift.startsAt, shift.endsAt);
    for (const officerId of shift.officerIds) {
      const entry = duty.get(officerId) ?? { officerId, rosteredShifts: 0, rosteredMinutes: 0, attendedShifts: 0, attendedMinutes: 0, noShows: 0 };
      entry.rosteredShifts += 1;
      entry.rosteredMinutes += minutes;
      const record = attendance.get(`${shift.id}|${officerId}`);
      if (record) {
        entry.attendedShifts += 1;
        if (record.checkedOutAt) entry.attendedMinutes += Math.max(0, minutesBetween(record.checkedInAt, record.checkedOutAt));
      } else if (Date.parse(shift.endsAt) <= evaluatedAt) {
        entry.noShows += 1;
      }
      duty.set(officerId, entry);
    }
  }
  return [...duty.values()].sort((a, b) => (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : 0));
}
