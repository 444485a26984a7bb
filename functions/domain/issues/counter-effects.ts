import type { IssueCounters } from './issue-stats';
import type { IssueStatus, Satisfaction } from '../vocabulary';
import type { IssueAction } from './workflow';

/** The facts of an issue that its statistics depend on. */
export interface CountedFacts {
  source: string;
  status: IssueStatus;
  reportedAt: string;
  dispatchDueAt: string;
  dueAt: string;
  resolvedOnSite: boolean;
  dispatchedAt?: string;
  firstResolvedAt?: string;
  firstClosedAt?: string;
  satisfaction?: Satisfaction;
}

export interface CounterEffects {
  increments: Partial<IssueCounters>;
  /** Minutes from report to first resolution, when this step is that resolution. */
  minutesToResolve?: number;
}

const satisfactionCounter = { SATISFIED: 'satisfied', BASICALLY_SATISFIED: 'basicallySatisfied', DISSATISFIED: 'dissatisfied' } as const;

/**
 * How one step changes the cohort's counters, derived from the issue before and after it.
 * Each "first" (dispatch, resolution, closure) counts once per issue, whatever rework follows,
 * and a changed satisfaction moves its count, so every counter stays exact.
 */
export function counterEffects(before: CountedFacts | undefined, after: CountedFacts, action: IssueAction): CounterEffects {
  const increments: Partial<IssueCounters> = {};
  const add = (name: keyof IssueCounters, by = 1) => (increments[name] = (increments[name] ?? 0) + by);
  const resident = after.source !== 'PATROL';
  let minutesToResolve: number | undefined;

  if (!before) {
    add('received');
    add(resident ? 'residentReported' : 'patrolFound');
  }
  if (after.dispatchedAt && !before?.dispatchedAt && after.dispatchedAt <= after.dispatchDueAt) add('dispatchedOnTime');
  if (after.firstResolvedAt && !before?.firstResolvedAt) {
    add('resolved');
    if (resident) add('residentResolved');
    if (!resident && after.resolvedOnSite) add('resolvedOnSite');
    minutesToResolve = Math.round((Date.parse(after.firstResolvedAt) - Date.parse(after.reportedAt)) / 60_000);
  }
  if (after.firstClosedAt && !before?.firstClosedAt) {
    add('closed');
    if (after.firstClosedAt <= after.dueAt) add('closedOnTime');
  }
  if (action === 'REOPEN') add('reopened');
  if (after.status === 'REJECTED' && before?.status !== 'REJECTED') add('rejected');
  if (after.satisfaction !== before?.satisfaction) {
    if (before?.satisfaction) add(satisfactionCounter[before.satisfaction], -1);
    if (after.satisfaction) add(satisfactionCounter[after.satisfaction]);
  }
  return minutesToResolve === undefined ? { increments } : { increments, minutesToResolve };
}
