/** Counters kept per day (of report, district time) and scope, updated in the transaction of each step. */
export interface IssueCounters {
  received: number;
  rejected: number;
  resolved: number;
  closed: number;
  closedOnTime: number;
  reopened: number;
  resolvedOnSite: number;
  patrolFound: number;
  residentReported: number;
  residentResolved: number;
  dispatchedOnTime: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

export const COUNTER_NAMES: readonly (keyof IssueCounters)[] = [
  'received',
  'rejected',
  'resolved',
  'closed',
  'closedOnTime',
  'reopened',
  'resolvedOnSite',
  'patrolFound',
  'residentReported',
  'residentResolved',
  'dispatchedOnTime',
  'satisfied',
  'basicallySatisfied',
  'dissatisfied',
];

export const zeroCounters = (): IssueCounters =>
  Object.fromEntries(COUNTER_NAMES.map((name) => [name, 0])) as unknown as IssueCounters;

export interface IssueStats {
  total: number;
  registered: number;
  resolved: number;
  closed: number;
  reopened: number;
  resolvedOnSite: number;
  patrolFound: number;
  onSiteResolutionRate: number | null;
  residentReported: number;
  residentResolved: number;
  residentResolutionRate: number | null;
  registrationRate: number | null;
  onTimeClosureRate: number | null;
  reworkRate: number | null;
  responseRate: number | null;
  resolutionRate: number | null;
  rated: number;
  satisfactionRate: number | null;
  medianMinutesToResolve: number | null;
  p90MinutesToResolve: number | null;
  overdue: number;
}

const rate = (numerator: number, denominator: number): number | null => (denominator === 0 ? null : numerator / denominator);

/** Linear interpolation between closest ranks (the common "type 7" percentile). */
export function percentile(values: readonly number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * fraction;
  const lower = Math.floor(position);
  const upper = Math.ceil(position);
  return sorted[lower]! + (sorted[upper]! - sorted[lower]!) * (position - lower);
}

/**
 * The KPIs of a cohort from its summed counters, the minutes each issue took to its first
 * resolution, and how many of its issues are open past their due time now.
 */
export function summarizeIssues(counters: IssueCounters, minutesToResolve: readonly number[], overdueOpen: number): IssueStats {
  const registered = counters.received - counters.rejected;
  const rated = counters.satisfied + counters.basicallySatisfied + counters.dissatisfied;
  return {
    total: counters.received,
    registered,
    resolved: counters.resolved,
    closed: counters.closed,
    reopened: counters.reopened,
    resolvedOnSite: counters.resolvedOnSite,
    patrolFound: counters.patrolFound,
    onSiteResolutionRate: rate(counters.resolvedOnSite, counters.patrolFound),
    residentReported: counters.residentReported,
    residentResolved: counters.residentResolved,
    residentResolutionRate: rate(counters.residentResolved, counters.residentReported),
    registrationRate: rate(registered, counters.received),
    onTimeClosureRate: rate(counters.closedOnTime, counters.closed + overdueOpen),
    reworkRate: rate(counters.reopened, counters.closed),
    responseRate: rate(counters.dispatchedOnTime, registered),
    resolutionRate: rate(counters.resolved, registered),
    rated,
    satisfactionRate: rate(counters.satisfied + counters.basicallySatisfied, rated),
    medianMinutesToResolve: percentile(minutesToResolve, 0.5),
    p90MinutesToResolve: percentile(minutesToResolve, 0.9),
    overdue: overdueOpen,
  };
}
