import { requireOperation } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { weekArguments } from '../../domain/validation/duty-inputs';
import { computeWeekCompliance } from '../../app/compliance/compute-compliance';
import { complianceHeatMapSvg } from '../../app/compliance/heat-map-svg';
import { loadReferenced } from '../loaders';
import { inZone } from '../../domain/time';
import { translateNote } from '../../domain/messages/translate';
import type { ActivityRecord } from '../../store/activities';
import type { Resolvers } from '../generated/graphql';
import { loadOfficers } from './load-officers';
import { objectIds } from './object-ids';

export const complianceResolvers: Resolvers = {
  Query: {
    complianceReport: async (_parent, args, context) => {
      requireCaller(context.caller);
      const { week } = parseArguments(weekArguments, args);
      return (await context.loaders().duty.complianceOfWeek(week)) ?? null;
    },
  },
  Mutation: {
    computeCompliance: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'computeCompliance');
      const { week } = parseArguments(weekArguments, args);
      const { report } = await computeWeekCompliance(context.services, districtId, week, { now: context.services.clock().toISOString() });
      return report;
    },
  },
  ComplianceReport: {
    id: (report) => objectIds.complianceReport(report.header.districtId, report.header.week),
    week: (report) => report.header.week,
    generatedAt: async (report, _args, context) => inZone(report.header.generatedAt, await context.timezoneOf(report.header.districtId)),
    stationCount: (report) => report.header.stationCount,
    compliantCount: (report) => report.header.compliantCount,
    complianceRate: (report) => report.header.complianceRate,
    stations: (report) => report.stations.map((verdict) => ({ ...verdict, districtId: report.header.districtId, week: report.header.week })),
    officers: (report) => report.officers,
    heatMapSvg: async (report, _args, context) => {
      const { districtId, week } = report.header;
      const [timezone, stations] = await Promise.all([context.timezoneOf(districtId), context.services.stations.all(districtId)]);
      return complianceHeatMapSvg(week, timezone, report.stations, new Map(stations.map((station) => [station.id, station.name])));
    },
  },
  StationCompliance: {
    // Stored in English with the report; answered in the request's language.
    reasons: (verdict, _args, context) => verdict.reasons.map((reason) => translateNote(reason, context.language)),
    id: (verdict) => objectIds.stationCompliance(verdict.districtId, verdict.week, verdict.stationId),
    station: (verdict, _args, context) => loadReferenced(context.loaders().stationById, verdict.stationId, 'Station'),
    pendingSessions: (verdict) => verdict.pendingSessions ?? [],
  },
  ServiceSession: {
    officers: (session, _args, context) => loadOfficers(context, session.officerIds),
    enforcementOfficers: (session, _args, context) => loadOfficers(context, session.enforcementOfficerIds),
    // A report keeps the ids it was computed from; an activity deleted since is left out.
    activities: async (session, _args, context) =>
      (await context.loaders().duty.activityById.loadMany(session.activityIds)).filter((activity): activity is ActivityRecord => !!activity && !(activity instanceof Error)),
  },
  PendingSession: {
    activity: async (pending, _args, context) => (await context.loaders().duty.activityById.load(pending.activityId)) ?? null,
    officers: (pending, _args, context) => loadOfficers(context, pending.officerIds),
  },
  OfficerDuty: {
    officer: (duty, _args, context) => loadReferenced(context.loaders().officerById, duty.officerId, 'Officer'),
  },
  Station: {
    compliance: async (station, args, context) => {
      const { week } = parseArguments(weekArguments, args);
      const report = await context.loaders().duty.complianceOfWeek(week);
      const verdict = report?.stations.find((entry) => entry.stationId === station.id);
      return verdict ? { ...verdict, districtId: station.districtId, week } : null;
    },
  },
};
