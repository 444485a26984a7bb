import { issueRatedEvent } from '../../domain/events/issue-events';
import { checkResidentRating } from '../../domain/access-rules';
import { counterEffects } from '../../domain/issues/counter-effects';
import { parseArguments } from '../../domain/validation/parse';
import { rateIssueArguments } from '../../domain/validation/tracking-inputs';
import type { Services } from '../services';
import { countedFacts } from './counted-facts';
import { findByTrackingCode, stationOfIssue, trackedModel, type TrackedIssueModel } from './track-issue';

/**
 * rateIssue: the reporter's own follow-up rating (回访), through the tracking code, once the
 * issue is RESOLVED (or CLOSED without a rating). It counts in the satisfaction KPI exactly as
 * the staff's follow-up call does (the issue's `satisfaction` moves the counters once), so an
 * issue is counted once whichever of the two rated it; a later `closeIssue` keeps the rating.
 * Three sequential round trips: those of the lookup, then the write beside the station's read.
 */
export async function rateIssue(services: Services, args: unknown, origin: { clientAddress?: string } = {}): Promise<TrackedIssueModel> {
  const { trackingCode, satisfaction, comment } = parseArguments(rateIssueArguments, args);
  const { issue, events, timezone } = await findByTrackingCode(services, trackingCode, origin.clientAddress);
  checkResidentRating(issue);
  const at = services.clock().toISOString();
  const counts = counterEffects(countedFacts(issue), { ...countedFacts(issue), satisfaction }, 'CLOSE');
  const [rated, station] = await Promise.all([
    services.tracking.rate(issue, { satisfaction, at, ...(comment ? { comment } : {}) }, counts, (stored) => issueRatedEvent(stored, at, timezone)),
    stationOfIssue(services, issue),
  ]);
  return trackedModel(rated, events, station);
}
