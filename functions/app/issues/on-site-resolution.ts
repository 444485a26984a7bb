import { requireOnSiteResolver } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import type { Services } from '../services';
import type { RoutingDecision } from './routing-decision';

/**
 * A report marked `resolvedOnSite` must come from an officer on patrol in their own grid or
 * station (domain/access-rules.ts): reads the reporting officer, then applies the rule to where
 * the report was routed. Called before anything is written.
 */
export async function checkOnSiteResolution(services: Services, caller: Caller, routing: RoutingDecision): Promise<void> {
  const officer = caller.officerId ? await services.officers.get(caller.districtId, caller.officerId) : undefined;
  const gridOfficerIds = routing.grid ? [...routing.grid.officerIds, ...(routing.grid.leaderId ? [routing.grid.leaderId] : [])] : undefined;
  requireOnSiteResolver(caller, officer, { stationId: routing.stationId, gridOfficerIds });
}
