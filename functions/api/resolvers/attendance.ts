import { recordAttendance } from '../../app/duty/record-attendance';
import { requireOperation } from '../../domain/access-rules';
import { inZone } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import { addLeaveArguments, weekArguments } from '../../domain/validation/duty-inputs';
import { loadReferenced } from '../loaders';
import type { Resolvers } from '../generated/graphql';
import { objectIds } from './object-ids';

export const attendanceResolvers: Resolvers = {
  Mutation: {
    checkIn: (_parent, args, context) => recordAttendance(context.services, context.caller, args, 'checkIn'),
    checkOut: (_parent, args, context) => recordAttendance(context.services, context.caller, args, 'checkOut'),
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
    lateMinutes: (record) => record.lateMinutes ?? 0,
    recordedOnBehalf: (record) => record.onBehalf ?? false,
    distanceMeters: (record) => record.distanceMeters ?? null,
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
