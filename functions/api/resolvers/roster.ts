import { requireOperation } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { generateRosterArguments, weekArguments } from '../../domain/validation/duty-inputs';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { generateWeekRoster } from '../../app/roster/generate-roster';
import { inZone } from '../../domain/time';
import type { Resolvers } from '../generated/graphql';
import { loadReferenced } from '../loaders';
import { loadOfficers } from './load-officers';
import { objectIds } from './object-ids';

export const rosterResolvers: Resolvers = {
  Query: {
    roster: async (_parent, args, context) => {
      requireCaller(context.caller);
      const { week } = parseArguments(weekArguments, args);
      return (await context.loaders().duty.rosterOfWeek(week)) ?? null;
    },
  },
  Mutation: {
    generateRoster: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'generateRoster');
      const { week, force } = parseArguments(generateRosterArguments, args);
      const result = await generateWeekRoster(context.services, districtId, week, { force, now: context.services.clock().toISOString() });
      if (result.outcome === 'PUBLISHED_KEPT') {
        throw new ConflictError(`Roster ${week} is published; pass force: true to replace it`);
      }
      return result.roster;
    },
    publishRoster: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'publishRoster');
      const { week } = parseArguments(weekArguments, args);
      await context.services.duty.rosters.publish(districtId, week, context.services.clock().toISOString());
      const roster = await context.services.duty.rosters.read(districtId, week);
      if (!roster) throw new NotFoundError('Roster', week);
      return roster;
    },
  },
  Roster: {
    id: (roster) => objectIds.roster(roster.header.districtId, roster.header.week),
    week: (roster) => roster.header.week,
    status: (roster) => roster.header.status,
    generatedAt: async (roster, _args, context) => inZone(roster.header.generatedAt, await context.timezoneOf(roster.header.districtId)),
    publishedAt: async (roster, _args, context) =>
      roster.header.publishedAt ? inZone(roster.header.publishedAt, await context.timezoneOf(roster.header.districtId)) : null,
    version: (roster) => roster.header.version,
    shifts: (roster) => roster.shifts,
    unfilled: (roster) => roster.header.unfilled,
    fairness: (roster) => ({ maxSpreadMinutes: roster.header.fairness.maxSpreadMinutes }),
  },
  DutyShift: {
    station: (shift, _args, context) => loadReferenced(context.loaders().stationById, shift.stationId, 'Station'),
    officers: (shift, _args, context) => loadOfficers(context, shift.officerIds),
    borrowedOfficers: (shift, _args, context) => loadOfficers(context, shift.borrowedOfficerIds),
    attendance: async (shift, _args, context) =>
      (await context.loaders().duty.attendanceOfWeek(shift.week))
        .filter((record) => record.shiftId === shift.id)
        .sort((a, b) => (a.officerId < b.officerId ? -1 : 1)),
  },
  UnfilledDemand: {
    station: (demand, _args, context) => loadReferenced(context.loaders().stationById, demand.stationId, 'Station'),
  },
  Station: {
    shifts: async (station, args, context) => {
      const { week } = parseArguments(weekArguments, args);
      const roster = await context.loaders().duty.rosterOfWeek(week);
      return (roster?.shifts ?? []).filter((shift) => shift.stationId === station.id);
    },
  },
  Officer: {
    shifts: async (officer, args, context) => {
      const { week } = parseArguments(weekArguments, args);
      const roster = await context.loaders().duty.rosterOfWeek(week);
      return (roster?.shifts ?? []).filter((shift) => shift.officerIds.includes(officer.id));
    },
  },
};
