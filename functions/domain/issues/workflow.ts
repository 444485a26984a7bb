import { ConflictError } from '../../shared/errors';
import type { IssueStatus } from '../vocabulary';

export type IssueAction = 'REPORT' | 'ASSIGN' | 'START' | 'RESOLVE' | 'TRANSFER' | 'CLOSE' | 'REOPEN' | 'REJECT';
export type WorkflowAction = Exclude<IssueAction, 'REPORT'>;

/**
 * The issue workflow (docs/domain.md, Issue workflow): REPORTED → ASSIGNED → IN_PROGRESS → RESOLVED → CLOSED;
 * REPORTED / ASSIGNED / IN_PROGRESS → TRANSFERRED → RESOLVED; REPORTED / ASSIGNED → REJECTED
 * (a located report is dispatched at once, so a duplicate is often ASSIGNED before anyone sees
 * it: it can still be rejected until work starts);
 * CLOSED → IN_PROGRESS (rework). ASSIGNED → ASSIGNED is a re-dispatch.
 */
const transitions: Record<WorkflowAction, { from: readonly IssueStatus[]; to: IssueStatus }> = {
  ASSIGN: { from: ['REPORTED', 'ASSIGNED'], to: 'ASSIGNED' },
  START: { from: ['ASSIGNED'], to: 'IN_PROGRESS' },
  RESOLVE: { from: ['IN_PROGRESS', 'TRANSFERRED'], to: 'RESOLVED' },
  TRANSFER: { from: ['REPORTED', 'ASSIGNED', 'IN_PROGRESS'], to: 'TRANSFERRED' },
  CLOSE: { from: ['RESOLVED'], to: 'CLOSED' },
  REOPEN: { from: ['CLOSED'], to: 'IN_PROGRESS' },
  REJECT: { from: ['REPORTED', 'ASSIGNED'], to: 'REJECTED' },
};

export const OPEN_STATUSES: readonly IssueStatus[] = ['REPORTED', 'ASSIGNED', 'IN_PROGRESS', 'TRANSFERRED'];

export const isOpen = (status: IssueStatus): boolean => OPEN_STATUSES.includes(status);

/** The status `action` leads to from `from`; CONFLICT when the workflow does not allow it. */
export function nextStatus(action: WorkflowAction, from: IssueStatus): IssueStatus {
  const rule = transitions[action];
  if (!rule.from.includes(from)) {
    throw new ConflictError(`Cannot ${action.toLowerCase()} an issue that is ${from}; allowed from ${rule.from.join(', ')}`);
  }
  return rule.to;
}
