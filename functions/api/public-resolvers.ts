import type { Resolvers } from './generated/graphql';
import { issueResolvers } from './resolvers/issue';
import { issueFieldResolvers } from './resolvers/issue-fields';
import { photoResolvers } from './resolvers/photo';
import { privacyResolvers } from './resolvers/privacy';
import { residentResolvers } from './resolvers/resident';
import { scalarResolvers } from './resolvers/scalars';
import { stationResolvers } from './resolvers/station';

/**
 * The resolver aggregates the public operations need, and only those: the public bundle leaves
 * out the duty planner, compliance and reference-data writes. Fields of types the public schema
 * does not have are ignored when the schema is built.
 */
const aggregates: Resolvers[] = [stationResolvers, issueResolvers, issueFieldResolvers, privacyResolvers, residentResolvers, photoResolvers];

export const publicResolvers: Resolvers = aggregates.reduce<Resolvers>((merged, part) => {
  for (const [typeName, fields] of Object.entries(part)) {
    const target = merged as Record<string, object>;
    target[typeName] = { ...target[typeName], ...fields };
  }
  return merged;
}, { ...scalarResolvers });
