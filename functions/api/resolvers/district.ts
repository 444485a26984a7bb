import { requireCaller } from '../../domain/caller';
import { NotFoundError } from '../../shared/errors';
import type { Resolvers } from '../generated/graphql';

export const districtResolvers: Resolvers = {
  Query: {
    district: async (_parent, _args, context) => {
      const { districtId } = requireCaller(context.caller);
      const district = await context.services.districts.get(districtId);
      if (!district) throw new NotFoundError('District', districtId);
      return district;
    },
  },
};
