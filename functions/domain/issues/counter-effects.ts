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

/**
 * A registered issue dispatched within its dispatch limit counts once (12345 response rate); a
 * rejected one is not registered, so it stops counting when it is rejected after a dispatch.
 */
const dispatchedOnTime = (facts: CountedFacts): number =>
  facts.dispatchedAt && facts.dispatchedAt <= facts.dispatchDueAt && facts.status !== 'REJECTED' ? 1 : 0;

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
  const timelyDispatch = dispatchedOnTime(after) - (before ? dispatchedOnTime(before) : 0);
  if (timelyDispatch !== 0) add('dispatchedOnTime', timelyDispatch);
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
