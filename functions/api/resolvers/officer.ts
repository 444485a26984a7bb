import { randomUUID } from 'node:crypto';
import { requireOperation, seesOfficerPhone } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import {
  createOfficerArguments,
  deactivateArguments,
  officersArguments,
  updateOfficerArguments,
} from '../../domain/validation/reference-inputs';
import { BadUserInputError } from '../../shared/errors';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';

export const officerResolvers: Resolvers = {
  Query: {
    officer: findById('officerById', 'Officer'),
    officers: async (_parent, args, context) => {
      const { districtId } = requireCaller(context.caller);
      const { filter, first, after } = parseArguments(officersArguments, args);
      const equals = { role: filter?.role, stationId: filter?.stationId, active: filter?.active };
      if (!filter?.gridId) {
        return context.services.officers.page(districtId, { first, after, filter: equals });
      }
      const grid = await context.loaders().gridById.load(filter.gridId);
      if (!grid) throw BadUserInputError.of('filter.gridId', `no grid ${filter.gridId} in this district`);
      const members = [...new Set([...(grid.leaderId ? [grid.leaderId] : []), ...grid.officerIds])];
      return context.services.officers.page(districtId, { first, after, filter: { ...equals, ids: members } });
    },
  },
  Mutation: {
    createOfficer: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(createOfficerArguments, args);
      return context.services.officers.create(
        districtId,
        randomUUID(),
        { ...input, partyMember: input.partyMember ?? false, unavailableWeekdays: input.unavailableWeekdays ?? [], active: true },
        context.services.clock().toISOString(),
        input.stationId ? [context.services.stations.mustExist(districtId, input.stationId, 'input.stationId')] : [],
      );
    },
    updateOfficer: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(updateOfficerArguments, args);
      const { id, expectedVersion, ...change } = input;
      return context.services.officers.update(
        districtId,
        id,
        expectedVersion,
        () => change,
        context.services.clock().toISOString(),
        change.stationId ? [context.services.stations.mustExist(districtId, change.stationId, 'input.stationId')] : [],
      );
    },
    deactivateOfficer: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { id, expectedVersion } = parseArguments(deactivateArguments, args);
      return context.services.officers.update(districtId, id, expectedVersion, () => ({ active: false }), context.services.clock().toISOString());
    },
  },
  Officer: {
    phone: (officer, _args, context) => (seesOfficerPhone(context.caller, officer) ? (officer.phone ?? null) : null),
    maxWeeklyDutyMinutes: (officer) => officer.maxWeeklyDutyMinutes ?? null,
    station: async (officer, _args, context) =>
      officer.stationId ? ((await context.loaders().stationById.load(officer.stationId)) ?? null) : null,
    grids: async (officer, _args, context) =>
      (await context.loaders().gridsOfDistrict()).filter(
        (grid) => grid.leaderId === officer.id || grid.officerIds.includes(officer.id),
      ),
  },
};
