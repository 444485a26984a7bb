import { requireCaller, type Caller } from '../../domain/caller';
import { summarizeIssues, type IssueStats } from '../../domain/issues/issue-stats';
import { issueStatsArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import type { StatsScope } from '../../store/issues/stats-buckets';
import type { Services } from '../services';

/**
 * issueStats: the cohort of issues reported from `from` to `to` (district dates), for the
 * district, a station or a grid (the grid wins when both are given). Reads one bucket per day
 * of the scope plus the issues open past due now, never the issues themselves.
 */
export async function issueStats(services: Services, caller: Caller | undefined, args: unknown): Promise<IssueStats> {
  const { districtId } = requireCaller(caller);
  const { from, to, stationId, gridId } = parseArguments(issueStatsArguments, args);
  const scope: StatsScope = gridId ? { kind: 'GRID', id: gridId } : stationId ? { kind: 'STATION', id: stationId } : { kind: 'ALL' };
  const [buckets, overdue] = await Promise.all([
    services.issues.stats(districtId, scope, from, to),
    services.issues.countOverdue(districtId, services.clock().toISOString(), {
      fromDay: from,
      toDay: to,
      ...(gridId ? { gridId } : stationId ? { stationId } : {}),
    }),
  ]);
  return summarizeIssues(buckets.counters, buckets.minutesToResolve, overdue);
}
