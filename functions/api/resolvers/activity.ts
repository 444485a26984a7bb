import { deleteActivity, recordActivity, updateActivity, verifyActivity } from '../../app/duty/activities';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { activitiesArguments, weekArguments } from '../../domain/validation/duty-inputs';
import { idArguments } from '../../domain/validation/reference-inputs';
import { NotFoundError } from '../../shared/errors';
import type { Resolvers } from '../generated/graphql';
import { loadOfficers } from './load-officers';

export const activityResolvers: Resolvers = {
  Query: {
    activity: async (_parent, args, context) => {
      requireCaller(context.caller);
      const { id } = parseArguments(idArguments, args);
      const activity = await context.loaders().duty.activityById.load(id);
      if (!activity) throw new NotFoundError('Activity', id);
      return activity;
    },
    activities: async (_parent, args, context) => {
      const { districtId } = requireCaller(context.caller);
      const { filter, first, after } = parseArguments(activitiesArguments, args);
      return context.services.duty.activities.page(districtId, { first, after, filter });
    },
  },
  Mutation: {
    recordActivity: (_parent, args, context) => recordActivity(context.services, context.caller, args),
    updateActivity: (_parent, args, context) => updateActivity(context.services, context.caller, args),
    deleteActivity: (_parent, args, context) => deleteActivity(context.services, context.caller, args),
    verifyActivity: (_parent, args, context) => verifyActivity(context.services, context.caller, args),
  },
  Activity: {
    station: async (activity, _args, context) =>
      activity.stationId ? ((await context.loaders().stationById.load(activity.stationId)) ?? null) : null,
    grid: async (activity, _args, context) => (activity.gridId ? ((await context.loaders().gridById.load(activity.gridId)) ?? null) : null),
    officers: (activity, _args, context) => loadOfficers(context, activity.officerIds),
    peopleReached: (activity) => activity.peopleReached ?? null,
    materialsDistributed: (activity) => activity.materialsDistributed ?? null,
    issuesFound: (activity) => activity.issuesFound ?? null,
    notes: (activity) => activity.notes ?? null,
    verifiedAt: (activity) => activity.verifiedAt ?? null,
    verifiedBy: (activity) => activity.verifiedBy ?? null,
  },
  Station: {
    activities: async (station, args, context) => {
      const { week } = parseArguments(weekArguments, args);
      const ofWeek = await context.loaders().duty.activitiesOfWeek(week);
      return ofWeek
        .filter((activity) => activity.stationId === station.id)
        .sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : 1));
    },
  },
};
