import type { Resolvers } from '../generated/graphql';
import { activityResolvers } from './activity';
import { attendanceResolvers } from './attendance';
import { complianceResolvers } from './compliance';
import { districtResolvers } from './district';
import { dutyPolicyResolvers } from './duty-policy';
import { gridResolvers } from './grid';
import { issueResolvers } from './issue';
import { issueFieldResolvers } from './issue-fields';
import { officerResolvers } from './officer';
import { privacyResolvers } from './privacy';
import { photoResolvers } from './photo';
import { residentResolvers } from './resident';
import { rosterResolvers } from './roster';
import { scalarResolvers } from './scalars';
import { stationResolvers } from './station';
import { webhookResolvers } from './webhook';

const aggregates: Resolvers[] = [districtResolvers, stationResolvers, gridResolvers, officerResolvers, issueResolvers, issueFieldResolvers, photoResolvers, dutyPolicyResolvers, activityResolvers, rosterResolvers, attendanceResolvers, complianceResolvers, webhookResolvers, privacyResolvers, residentResolvers];

/** All resolvers, merged per type (each aggregate contributes fields to Query and Mutation). */
export const resolvers: Resolvers = aggregates.reduce<Resolvers>((merged, part) => {
  for (const [typeName, fields] of Object.entries(part)) {
    const target = merged as Record<string, object>;
    target[typeName] = { ...target[typeName], ...fields };
  }
  return merged;
}, { ...scalarResolvers });
