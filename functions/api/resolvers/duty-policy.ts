import { updateDutyPolicy } from '../../app/duty/update-duty-policy';
import { DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE } from '../../domain/duty/attendance-rules';
import { requireCaller } from '../../domain/caller';
import type { Resolvers } from '../generated/graphql';
import { objectIds } from './object-ids';

export const dutyPolicyResolvers: Resolvers = {
  District: {
    policy: (district) => ({ ...district.policy, version: district.version }),
  },
  DutyPolicy: {
    // Every policy a caller reads or updates is their own district's.
    id: (_policy, _args, context) => objectIds.dutyPolicy(requireCaller(context.caller).districtId),
    checkInOpensMinutesBefore: (policy) => policy.checkInOpensMinutesBefore ?? DEFAULT_CHECK_IN_OPENS_MINUTES_BEFORE,
    checkInRadiusMeters: (policy) => (policy.checkInRadiusMeters ? policy.checkInRadiusMeters : null),
  },
  Mutation: {
    updateDutyPolicy: (_parent, args, context) => updateDutyPolicy(context.services, context.caller, args),
  },
};
