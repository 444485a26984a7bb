import { updateDutyPolicy } from '../../app/duty/update-duty-policy';
import type { Resolvers } from '../generated/graphql';

export const dutyPolicyResolvers: Resolvers = {
  District: {
    policy: (district) => ({ ...district.policy, version: district.version }),
  },
  Mutation: {
    updateDutyPolicy: (_parent, args, context) => updateDutyPolicy(context.services, context.caller, args),
  },
};
