import type { ReportRelated } from '../app/issues/report-issue';
import type { RequestContext } from './context';

/**
 * Hands the records a use case already read to the request's loaders, so the payload's
 * relations are answered without another round trip. Anonymous callers have no loaders (and
 * see no relations), so nothing is primed for them.
 */
export function primeRelated(context: RequestContext, related: ReportRelated): void {
  if (!context.caller) return;
  const loaders = context.loaders();
  if (related.grid) loaders.gridById.prime(related.grid.id, related.grid);
  if (related.station) loaders.stationById.prime(related.station.id, related.station);
  if (related.assignee) loaders.officerById.prime(related.assignee.id, related.assignee);
}
