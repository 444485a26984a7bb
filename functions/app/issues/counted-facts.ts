import type { CountedFacts } from '../../domain/issues/counter-effects';
import type { IssueRecord } from '../../store/issues/issue-record';

/** The facts of a stored issue that its statistics depend on. */
export const countedFacts = (issue: IssueRecord): CountedFacts => ({
  source: issue.source,
  status: issue.status,
  reportedAt: issue.reportedAt,
  dispatchDueAt: issue.dispatchDueAt,
  dueAt: issue.dueAt,
  resolvedOnSite: issue.resolvedOnSite,
  ...(issue.dispatchedAt ? { dispatchedAt: issue.dispatchedAt } : {}),
  ...(issue.firstResolvedAt ? { firstResolvedAt: issue.firstResolvedAt } : {}),
  ...(issue.firstClosedAt ? { firstClosedAt: issue.firstClosedAt } : {}),
  ...(issue.satisfaction ? { satisfaction: issue.satisfaction } : {}),
});
