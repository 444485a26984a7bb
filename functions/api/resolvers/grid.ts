import { randomUUID } from 'node:crypto';
import { requireOperation } from '../../domain/access-rules';
import { requireCaller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { createGridArguments, gridsArguments, updateGridArguments } from '../../domain/validation/reference-inputs';
import type { GuardedWrite } from '../../store/transact';
import type { RequestContext } from '../context';
import { loadReferenced } from '../loaders';
import type { Resolvers } from '../generated/graphql';
import { findById } from './find-by-id';

/**
 * Transaction checks that the grid's station, leader and members exist in the caller's
 * district; an id is checked once even if it is both leader and member.
 */
function referenceChecks(
  context: RequestContext,
  districtId: string,
  refs: { stationId?: string; leaderId?: string; officerIds?: string[] },
): GuardedWrite[] {
  const checks: GuardedWrite[] = [];
  if (refs.stationId) checks.push(context.services.stations.mustExist(districtId, refs.stationId, 'input.stationId'));
  const officerPaths = new Map<string, string>();
  if (refs.leaderId) officerPaths.set(refs.leaderId, 'input.leaderId');
  refs.officerIds?.forEach((id, index) => {
    if (!officerPaths.has(id)) officerPaths.set(id, `input.officerIds.${index}`);
  });
  officerPaths.forEach((path, id) => checks.push(context.services.officers.mustExist(districtId, id, path)));
  return checks;
}

export const gridResolvers: Resolvers = {
  Query: {
    grid: findById('gridById', 'Grid'),
    grids: async (_parent, args, context) => {
      const { districtId } = requireCaller(context.caller);
      const { filter, first, after } = parseArguments(gridsArguments, args);
      return context.services.grids.page(districtId, { first, after, filter });
    },
  },
  Mutation: {
    createGrid: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(createGridArguments, args);
      const officerIds = [...new Set(input.officerIds ?? [])];
      return context.services.grids.create(
        districtId,
        randomUUID(),
        { ...input, officerIds },
        context.services.clock().toISOString(),
        referenceChecks(context, districtId, { ...input, officerIds }),
      );
    },
    updateGrid: async (_parent, args, context) => {
      const { districtId } = requireOperation(context.caller, 'editReferenceData');
      const { input } = parseArguments(updateGridArguments, args);
      const { id, expectedVersion, ...change } = input;
      const officerIds = change.officerIds && [...new Set(change.officerIds)];
      return context.services.grids.update(
        districtId,
        id,
        expectedVersion,
        () => ({ ...change, ...(officerIds ? { officerIds } : {}) }),
        context.services.clock().toISOString(),
        referenceChecks(context, districtId, { ...change, officerIds }),
      );
    },
  },
  Grid: {
    community: (grid) => grid.community ?? null,
    boundary: (grid) => grid.boundary ?? null,
    station: (grid, _args, context) => loadReferenced(context.loaders().stationById, grid.stationId, 'Station'),
    leader: async (grid, _args, context) =>
      grid.leaderId ? ((await context.loaders().officerById.load(grid.leaderId)) ?? null) : null,
    officers: async (grid, _args, context) => {
      const officers = await Promise.all(grid.officerIds.map((id) => context.loaders().officerById.load(id)));
      return officers.filter((officer) => officer !== undefined);
    },
  },
};
