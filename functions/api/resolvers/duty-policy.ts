import * as z from 'zod';
import { requireRole } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { dutyPolicySchema, updateDutyPolicyArguments } from '../../domain/validation/duty-inputs';
import { ConflictError, NotFoundError } from '../../shared/errors';
import type { Resolvers } from '../generated/graphql';

const wholePolicy = z.object({ input: dutyPolicySchema });

export const dutyPolicyResolvers: Resolvers = {
  District: {
    policy: (district) => ({ ...district.policy, version: district.version }),
  },
  Mutation: {
    /**
     * ADMIN. The given fields are merged over the stored policy and the whole policy is checked
     * again (so `input.shiftWindows.1.end` is reported against the policy as it would be), then
     * written with a condition on the version read: a concurrent change is CONFLICT.
     */
    updateDutyPolicy: async (_parent, args, context) => {
      const { districtId } = requireRole(context.caller, 'ADMIN');
      const { input } = parseArguments(updateDutyPolicyArguments, args);
      const { expectedVersion, ...change } = input;
      const district = await context.services.districts.get(districtId);
      if (!district) throw new NotFoundError('District', districtId);
      if (expectedVersion != null && expectedVersion !== district.version) {
        throw new ConflictError(`District ${districtId} is at version ${district.version}, not the expected ${expectedVersion}`);
      }
      const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined && value !== null));
      const { input: policy } = parseArguments(wholePolicy, { input: { ...district.policy, ...given } });
      const updated = await context.services.districts.updateDutyPolicy(districtId, policy, district.version);
      return { ...updated.policy, version: updated.version };
    },
  },
};
