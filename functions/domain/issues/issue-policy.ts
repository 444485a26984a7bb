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
  publicReportsPerCodePerMinute: number;
  publicCallsPerAddressPerMinute: number;
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
  publicReportsPerCodePerMinute: 20,
  publicCallsPerAddressPerMinute: 10,
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

/** The limits on anonymous calls through one service code and from one client address, a minute each. */
export const publicLimitsOf = (policy: IssuePolicy): { perCode: number; perAddress: number } => ({
  perCode: policy.publicReportsPerCodePerMinute,
  perAddress: policy.publicCallsPerAddressPerMinute,
});

const limitKey = (limit: TimeLimit): string => `${limit.category ?? '*'}/${limit.priority}`;

/** Sets the given limits, each for its (category, priority); the other limits stay as they were. */
export function mergeTimeLimits(current: readonly TimeLimit[], edits: readonly TimeLimit[]): TimeLimit[] {
  const merged = new Map(current.map((limit) => [limitKey(limit), limit]));
  for (const edit of edits) merged.set(limitKey(edit), edit);
  return [...merged.values()];
}
