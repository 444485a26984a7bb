import { MAX_RESULTS, parseRequestsQuery, parseUpdatesQuery } from '../../domain/open311/feed-query';
import { OPEN_STATUSES } from '../../domain/issues/workflow';
import { ISSUE_STATUSES, type IssueStatus } from '../../domain/vocabulary';
import type { IssueEventRecord, IssueRecord } from '../../store/issues/issue-record';
import type { Services } from '../services';

const CLOSED_STATUSES: readonly IssueStatus[] = ISSUE_STATUSES.filter((status) => !OPEN_STATUSES.includes(status));

/**
 * GeoReport v2 `GET requests`: by ids, or the district's issues reported in a window (at most
 * 90 days, newest first, at most 1 000), by service and open/closed status. What of each issue a
 * client may see is the API layer's public projection.
 */
export async function readOpen311Requests(services: Services, districtId: string, timezone: string, params: Record<string, string>): Promise<IssueRecord[]> {
  const query = parseRequestsQuery(params, timezone, services.clock());
  if (query.ids) return (await services.issues.batchGet(districtId, query.ids)).filter((issue): issue is IssueRecord => issue !== undefined);
  const statuses = query.statuses?.length === 1 ? (query.statuses[0] === 'open' ? OPEN_STATUSES : CLOSED_STATUSES) : undefined;
  return services.issueFeed.reported(districtId, { ...query.window, limit: MAX_RESULTS, category: query.category, statuses });
}

/** FixMyStreet's `servicerequestupdates`: the district's history steps in a window, newest first, at most 1 000, with their issues. */
export async function readOpen311Updates(
  services: Services,
  districtId: string,
  timezone: string,
  params: Record<string, string>,
): Promise<{ update: IssueEventRecord; issue: IssueRecord }[]> {
  const window = parseUpdatesQuery(params, timezone, services.clock());
  const updates = await services.issueFeed.updates(districtId, { ...window, limit: MAX_RESULTS });
  const issues = await services.issues.batchGet(districtId, [...new Set(updates.map((update) => update.issueId))]);
  const byId = new Map(issues.filter((issue): issue is IssueRecord => issue !== undefined).map((issue) => [issue.id, issue]));
  return updates.flatMap((update) => {
    const issue = byId.get(update.issueId);
    return issue ? [{ update, issue }] : [];
  });
}
