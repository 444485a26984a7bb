import { requireOnSiteResolver } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { BadUserInputError } from '../../shared/errors';
import type { GridRecord } from '../../store/grids';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { OfficerRecord } from '../../store/officers';
import type { Services } from '../services';
import type { RoutingDecision } from './routing-decision';

const officersOf = (grid: GridRecord | undefined) => (grid ? [...grid.officerIds, ...(grid.leaderId ? [grid.leaderId] : [])] : undefined);

/**
 * A report marked `resolvedOnSite` must come from an officer on patrol in their own grid or
 * station (domain/access-rules.ts): reads the reporting officer, then applies the rule to where
 * the report was routed. Called before anything is written.
 */
export async function checkOnSiteResolution(services: Services, caller: Caller, routing: RoutingDecision): Promise<void> {
  const officer = caller.officerId ? await services.officers.get(caller.districtId, caller.officerId) : undefined;
  requireOnSiteResolver(caller, officer, { stationId: routing.stationId, gridOfficerIds: officersOf(routing.grid) });
}

/**
 * `resolveIssue(resolvedOnSite: true)` is held to the same rule as a report filed resolved: only
 * a patrol's find, by an officer on patrol in the issue's grid or at its station. Otherwise an
 * ADMIN or SUPERVISOR resolving patrol finds could raise the published on-the-spot rate
 * (当场处理率). `officer` is the caller's record, read beside the issue (onSiteResolver); the
 * grid is read only when the officer is not at the issue's station, so the usual case costs no
 * round trip of its own.
 */
export async function checkOnSiteStep(services: Services, caller: Caller, issue: IssueRecord, officer: Promise<OfficerRecord | undefined>): Promise<void> {
  if (issue.source !== 'PATROL') throw BadUserInputError.of('resolvedOnSite', 'only a PATROL report can be resolved on the spot');
  const resolver = await officer;
  const atStation = !!resolver?.stationId && resolver.stationId === issue.stationId;
  const grid = !atStation && issue.gridId ? await services.grids.get(caller.districtId, issue.gridId) : undefined;
  requireOnSiteResolver(caller, resolver, { stationId: issue.stationId, gridOfficerIds: officersOf(grid) });
}

/**
 * Starts reading the caller's officer record, to run beside the step's own read. The read's
 * failure is reported where it is awaited (checkOnSiteStep); until then it is marked handled,
 * so a step refused earlier (unknown issue) leaves no unhandled rejection behind.
 */
export function onSiteResolver(services: Services, caller: Caller | undefined): Promise<OfficerRecord | undefined> {
  const read = caller?.officerId ? services.officers.get(caller.districtId, caller.officerId) : Promise.resolve(undefined);
  read.catch(() => undefined);
  return read;
}
