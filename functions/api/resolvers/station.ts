import { randomUUID } from 'node:crypto';
import { requireOperation } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { districtOfServiceCode, generateServiceCode } from '../../domain/service-code';
import { parseArguments } from '../../domain/validation/parse';
import {
  createStationArguments,
  deactivateArguments,
  serviceCodeArguments,
  stationsArguments,
  updateStationArguments,
} from '../../domain/validation/reference-inputs';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';

export const stationResolvers: Resolvers = {
  Query: {
    station: findById('stationById', 'Station'),
    stations: async (_parent, args, context) => {
      const { districtId } = requireCaller(context.caller);
      const { filter, first, after } = parseArguments(stationsArguments, args);
      return context.services.stations.page(districtId, { first, after, filter });
    },
    /** Public: the code names its district, so no token is needed; only PublicStation's fields are exposed. */
    stationByServiceCode: async (_parent, args, context) => {
      const { code } = parseArguments(serviceCodeArguments, args);
      const station = await context.services.stations.findByServiceCode(districtOfServiceCode(code), code);
      if (!station) throw new NotFoundError('Station with service code', code);
      return station;
    },
  },
  Mutation: {
    createStation: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(createStationArguments, args);
      if (input.serviceCode && districtOfServiceCode(input.serviceCode) !== districtId) {
        throw BadUserInputError.of('input.serviceCode', `must start with "${districtId}-"`);
      }
      return context.services.stations.create(
        districtId,
        randomUUID(),
        {
          ...input,
          amenities: input.amenities ?? [],
          serviceCode: input.serviceCode ?? generateServiceCode(districtId),
          active: true,
        },
        context.services.clock().toISOString(),
      );
    },
    updateStation: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(updateStationArguments, args);
      const { id, expectedVersion, ...change } = input;
      return context.services.stations.update(districtId, id, expectedVersion, () => change, context.services.clock().toISOString());
    },
    deactivateStation: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { id, expectedVersion } = parseArguments(deactivateArguments, args);
      return context.services.stations.update(
        districtId,
        id,
        expectedVersion,
        () => ({ active: false }),
        context.services.clock().toISOString(),
      );
    },
  },
  Station: {
    location: (station) => station.location ?? null,
    grids: async (station, _args, context) =>
      (await context.loaders().gridsOfDistrict()).filter((grid) => grid.stationId === station.id),
    officers: async (station, _args, context) =>
      (await context.loaders().officersOfDistrict()).filter((officer) => officer.stationId === station.id),
  },
  PublicStation: {
    location: (station) => station.location ?? null,
  },
};
