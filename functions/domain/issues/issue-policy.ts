import type { IssueCategory, IssuePriority } from '../vocabulary';

export interface TimeLimit {
  /** Absent: the default for every category without its own limit. */
  category?: IssueCategory;
  priority: IssuePriority;
  dispatchMinutes: number;
  resolveMinutes: number;
}

export interface IssuePolicy {
  timeLimits: TimeLimit[];
  duplicateRadiusMeters: number;
  duplicateWindowDays: number;
  /** A ceiling per service code over every client: a circuit breaker against a flood, far above what one client may send. */
  publicReportsPerCodePerMinute: number;
  /** Per client address over every code: residents behind one NAT (a station's Wi-Fi) share it. */
  publicCallsPerAddressPerMinute: number;
  /** Per client address and service code: what one client may send through one code. */
  publicReportsPerAddressAndCodePerMinute: number;
}

/** After Beijing 12345 practice: urgent 1 h to dispatch and 24 h to resolve, normal 24 h and 72 h. */
const builtInLimits: Record<IssuePriority, TimeLimit> = {
  URGENT: { priority: 'URGENT', dispatchMinutes: 60, resolveMinutes: 24 * 60 },
  NORMAL: { priority: 'NORMAL', dispatchMinutes: 24 * 60, resolveMinutes: 72 * 60 },
};

export const defaultIssuePolicy: IssuePolicy = {
  timeLimits: [builtInLimits.URGENT, builtInLimits.NORMAL],
  duplicateRadiusMeters: 50,
  duplicateWindowDays: 7,
  publicReportsPerCodePerMinute: 200,
  publicCallsPerAddressPerMinute: 30,
  publicReportsPerAddressAndCodePerMinute: 10,
};

/** The limit for a category and priority: its own entry, else the priority's default entry, else the built-in one. */
export function timeLimitFor(policy: IssuePolicy, category: IssueCategory, priority: IssuePriority): TimeLimit {
  return (
    policy.timeLimits.find((limit) => limit.category === category && limit.priority === priority) ??
    policy.timeLimits.find((limit) => !limit.category && limit.priority === priority) ??
    builtInLimits[priority]
  );
}

const plusMinutes = (iso: string, minutes: number): string => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

/** When an issue reported at `reportedAt` must be dispatched and resolved (UTC ISO). */
export function deadlines(reportedAt: string, limit: TimeLimit): { dispatchDueAt: string; dueAt: string } {
  return { dispatchDueAt: plusMinutes(reportedAt, limit.dispatchMinutes), dueAt: plusMinutes(reportedAt, limit.resolveMinutes) };
}

export interface PublicLimits {
  perCode: number;
  perAddress: number;
  perAddressAndCode: number;
}

/**
 * The limits on anonymous calls, a minute each. One client cannot use up another's allowance:
 * each address has its own budget (per code and overall), and the per-code ceiling, shared by
 * everyone, sits far above what one address may send, so it takes many addresses to reach it.
 */
export const publicLimitsOf = (policy: IssuePolicy): PublicLimits => ({
  perCode: policy.publicReportsPerCodePerMinute,
  perAddress: policy.publicCallsPerAddressPerMinute,
  perAddressAndCode: policy.publicReportsPerAddressAndCodePerMinute,
});

const limitKey = (limit: TimeLimit): string => `${limit.category ?? '*'}/${limit.priority}`;

/** Sets the given limits, each for its (category, priority); the other limits stay as they were. */
export function mergeTimeLimits(current: readonly TimeLimit[], edits: readonly TimeLimit[]): TimeLimit[] {
  const merged = new Map(current.map((limit) => [limitKey(limit), limit]));
  for (const edit of edits) merged.set(limitKey(edit), edit);
  return [...merged.values()];
}
