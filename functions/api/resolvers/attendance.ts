import { attendee, requireOperation } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { localDateOf } from '../../domain/duty/iso-week';
import { inZone } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import { addLeaveArguments, attendanceArguments, weekArguments } from '../../domain/validation/duty-inputs';
import { BadUserInputError, ForbiddenError, NotFoundError } from '../../shared/errors';
import type { AttendancePayloadModel } from '../duty-models';
import type { RequestContext } from '../context';
import { loadReferenced } from '../loaders';
import type { Resolvers } from '../generated/graphql';
import { objectIds } from './object-ids';

/**
 * checkIn / checkOut: the shift must be on the current roster, the officer on the shift, and
 * today (district time) the shift's day. Repeating a call writes nothing and answers changed: false.
 */
async function attend(context: RequestContext, args: unknown, action: 'checkIn' | 'checkOut'): Promise<AttendancePayloadModel> {
  const caller = requireCaller(context.caller);
  const { shiftId, officerId: named } = parseArguments(attendanceArguments, args);
  const { officerId, onOwnToken } = attendee(caller, named);
  const found = await context.services.duty.rosters.findShift(caller.districtId, shiftId);
  if (!found) throw new NotFoundError('DutyShift', shiftId);
  const { shift } = found;
  if (!shift.officerIds.includes(officerId)) {
    if (onOwnToken) throw new ForbiddenError(`You are not on shift ${shiftId}`);
    throw BadUserInputError.of('officerId', `is not on shift ${shiftId}`);
  }
  const timezone = await context.timezoneOf(caller.districtId);
  const now = context.services.clock();
  if (localDateOf(now, timezone) !== shift.date) {
    throw BadUserInputError.of('shiftId', `is on ${shift.date}: check-in and check-out are open that day only (${timezone})`);
  }
  const at = inZone(now.toISOString(), timezone);
  const { attendance } = context.services.duty;
  const change = await attendance[action](caller.districtId, shift.week, shift.id, officerId, at, caller.subject);
  return { shift, ...change };
}

export const attendanceResolvers: Resolvers = {
  Mutation: {
    checkIn: (_parent, args, context) => attend(context, args, 'checkIn'),
    checkOut: (_parent, args, context) => attend(context, args, 'checkOut'),
    addLeave: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'recordLeave');
      const leave = parseArguments(addLeaveArguments, args);
      return context.services.duty.leave.add(districtId, leave, context.services.officers.mustExist(districtId, leave.officerId, 'officerId'));
    },
  },
  Attendance: {
    id: (record) => objectIds.attendance(record.shiftId, record.officerId),
    officer: (record, _args, context) => loadReferenced(context.loaders().officerById, record.officerId, 'Officer'),
    checkedInAt: async (record, _args, context) => inZone(record.checkedInAt, await context.timezoneOf(record.districtId)),
    checkedOutAt: async (record, _args, context) => (record.checkedOutAt ? inZone(record.checkedOutAt, await context.timezoneOf(record.districtId)) : null),
  },
  Leave: {
    id: (leave) => objectIds.leave(leave.officerId, leave.from, leave.to),
    officer: (leave, _args, context) => loadReferenced(context.loaders().officerById, leave.officerId, 'Officer'),
    reason: (leave) => leave.reason ?? null,
  },
  Officer: {
    leave: async (officer, args, context) => {
      const { week } = parseArguments(weekArguments, args);
      return (await context.loaders().duty.leaveOfWeek(week)).filter((leave) => leave.officerId === officer.id);
    },
  },
};
