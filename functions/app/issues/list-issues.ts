import { requireCaller, type Caller } from '../../domain/caller';
import { toUtcIso } from '../../domain/time';
import { issuesArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import type { Connection } from '../../store/connection';
import type { IssueListFilter } from '../../store/issues/issue-query-plan';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { Services } from '../services';

/** `issues(filter, first, after)` and its nested forms, where the parent fixes one filter (station, grid, assignee). */
export function listIssues(services: Services, caller: Caller | undefined, args: unknown, fixed: Partial<IssueListFilter> = {}): Promise<Connection<IssueRecord>> {
  const { districtId } = requireCaller(caller);
  const { filter, first, after } = parseArguments(issuesArguments, args);
  const { reportedFrom, reportedTo, ...equalities } = filter ?? {};
  return services.issues.page(
    districtId,
    {
      ...equalities,
      ...(reportedFrom ? { reportedFrom: toUtcIso(reportedFrom) } : {}),
      ...(reportedTo ? { reportedTo: toUtcIso(reportedTo) } : {}),
      ...fixed,
    },
    first,
    after,
    services.clock().toISOString(),
  );
}
