import { checkExpectedVersion } from '../../domain/expected-version';
import { randomUUID } from 'node:crypto';
import { requireActivityWriter } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { minutesBetween, weekOfInstant } from '../../domain/duty/iso-week';
import { inZone } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import {
  activitiesArguments,
  deleteActivityArguments,
  recordActivityArguments,
  updateActivityArguments,
  weekArguments,
} from '../../domain/validation/duty-inputs';
import { idArguments } from '../../domain/validation/reference-inputs';
import { NotFoundError } from '../../shared/errors';
import type { ActivityFields, ActivityRecord } from '../../store/activities';
import type { GuardedWrite } from '../../store/transact';
import type { RequestContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { loadOfficers } from './load-officers';


async function normalized(context: RequestContext, districtId: string, fields: ActivityFields) {
  const timezone = await context.timezoneOf(districtId);
  const startsAt = inZone(fields.startsAt, timezone);
  const endsAt = inZone(fields.endsAt, timezone);
  return {
    fields: { ...fields, startsAt, endsAt },
    derived: { week: weekOfInstant(startsAt, timezone), durationMinutes: minutesBetween(startsAt, endsAt) },
  };
}

/** The referenced station, grid and officers must exist in the caller's district (checked in the write's transaction). */
function referenceChecks(context: RequestContext, districtId: string, fields: Partial<ActivityFields>): GuardedWrite[] {
  const { stations, grids, officers } = context.services;
  return [
    ...(fields.stationId ? [stations.mustExist(districtId, fields.stationId, 'input.stationId')] : []),
    ...(fields.gridId ? [grids.mustExist(districtId, fields.gridId, 'input.gridId')] : []),
    ...(fields.officerIds ?? []).map((id, index) => officers.mustExist(districtId, id, `input.officerIds.${index}`)),
  ];
}

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
    recordActivity: async (_parent, args, context) => {
      const { input } = parseArguments(recordActivityArguments, args);
      const { districtId } = requireActivityWriter(context.caller, input.officerIds);
      const { fields, derived } = await normalized(context, districtId, input);
      const { activities } = context.services.duty;
      const activity = activities.record(districtId, randomUUID(), fields, derived, context.services.clock().toISOString());
      return activities.create(activity, referenceChecks(context, districtId, fields));
    },
    updateActivity: async (_parent, args, context) => {
      const caller = requireCaller(context.caller);
      const { input } = parseArguments(updateActivityArguments, args);
      const { id, expectedVersion, ...change } = input;
      const { activities } = context.services.duty;
      const current = await activities.get(caller.districtId, id);
      if (!current) throw new NotFoundError('Activity', id);
      requireActivityWriter(caller, current.officerIds);
      checkExpectedVersion(`Activity ${id}`, current, expectedVersion);
      const merged: Record<string, unknown> = { ...pickFields(current) };
      for (const [key, value] of Object.entries(change)) {
        if (value === null) delete merged[key];
        else if (value !== undefined) merged[key] = value;
      }
      const { input: checked } = parseArguments(recordActivityArguments, { input: merged });
      requireActivityWriter(caller, checked.officerIds);
      const { fields, derived } = await normalized(context, caller.districtId, checked);
      const next: ActivityRecord = {
        ...activities.record(caller.districtId, id, fields, derived, current.createdAt),
        version: current.version + 1,
        updatedAt: context.services.clock().toISOString(),
      };
      const changedReferences = {
        stationId: change.stationId ?? undefined,
        gridId: change.gridId ?? undefined,
        officerIds: change.officerIds ?? undefined,
      };
      return activities.replace(current, next, referenceChecks(context, caller.districtId, changedReferences));
    },
    deleteActivity: async (_parent, args, context) => {
      const caller = requireCaller(context.caller);
      const { id, expectedVersion } = parseArguments(deleteActivityArguments, args);
      const current = await context.services.duty.activities.get(caller.districtId, id);
      if (!current) throw new NotFoundError('Activity', id);
      requireActivityWriter(caller, current.officerIds);
      return context.services.duty.activities.delete(caller.districtId, id, expectedVersion ?? current.version);
    },
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

/** The writable fields of a stored activity, as an update starts from them. */
function pickFields(activity: ActivityRecord): ActivityFields {
  const { kind, title, stationId, gridId, startsAt, endsAt, officerIds, peopleReached, materialsDistributed, issuesFound, notes } = activity;
  return { kind, title, stationId, gridId, startsAt, endsAt, officerIds, peopleReached, materialsDistributed, issuesFound, notes };
}
