import { hasRole, requireRole, type Caller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import {
  assignIssueArguments,
  closeIssueArguments,
  plainStepArguments,
  rejectIssueArguments,
  reopenIssueArguments,
  resolveIssueArguments,
  transferIssueArguments,
} from '../../domain/validation/issue-inputs';
import { BadUserInputError, ForbiddenError } from '../../shared/errors';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { RequestContext } from '../../api/context';
import { applyStep } from './apply-step';

const supervisors = (caller: Caller) => void requireRole(caller, 'ADMIN', 'SUPERVISOR');

/** Handling steps belong to the officer the issue is dispatched to, or to a supervisor. */
function assigneeOrSupervisor(caller: Caller, issue: IssueRecord): void {
  if (hasRole(caller, 'ADMIN', 'SUPERVISOR')) return;
  if (hasRole(caller, 'OFFICER') && caller.officerId && caller.officerId === issue.assigneeId) return;
  throw new ForbiddenError('Only the assigned officer, a SUPERVISOR or an ADMIN can handle this issue');
}

export function assignIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(assignIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'ASSIGN',
    authorize: supervisors,
    plan: (issue, at) => ({
      changes: { assigneeId: input.assigneeId, dispatchedAt: issue.dispatchedAt ?? at },
      note: input.note,
      checks: [context.services.officers.mustBeActive(issue.districtId, input.assigneeId, 'assigneeId')],
    }),
  });
}

export function startIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(plainStepArguments, args);
  return applyStep(context, { ...input, action: 'START', authorize: assigneeOrSupervisor, plan: () => ({ changes: {}, note: input.note }) });
}

export function resolveIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(resolveIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'RESOLVE',
    authorize: assigneeOrSupervisor,
    plan: (issue, at) => ({
      changes: { resolvedAt: at, firstResolvedAt: issue.firstResolvedAt ?? at, resolvedOnSite: input.resolvedOnSite ?? issue.resolvedOnSite },
      note: input.note,
    }),
  });
}

export function transferIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(transferIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'TRANSFER',
    authorize: assigneeOrSupervisor,
    plan: (issue, at) => ({
      changes: { transferredTo: input.department, dispatchedAt: issue.dispatchedAt ?? at },
      note: input.note ?? `transferred to ${input.department}`,
    }),
  });
}

export function closeIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(closeIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'CLOSE',
    authorize: supervisors,
    plan: (issue, at) => {
      const residentReport = issue.source !== 'PATROL';
      if (residentReport && !input.satisfaction) throw BadUserInputError.of('satisfaction', "is required to close a resident's report (follow-up visit)");
      if (!residentReport && input.satisfaction) throw BadUserInputError.of('satisfaction', 'only a resident’s report is rated');
      return { changes: { closedAt: at, firstClosedAt: issue.firstClosedAt ?? at, satisfaction: input.satisfaction ?? issue.satisfaction }, note: input.note };
    },
  });
}

export function reopenIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(reopenIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'REOPEN',
    authorize: supervisors,
    plan: (issue) => ({ changes: { reopenCount: issue.reopenCount + 1, resolvedAt: undefined, closedAt: undefined }, note: input.note }),
  });
}

export function rejectIssue(context: RequestContext, args: unknown) {
  const input = parseArguments(rejectIssueArguments, args);
  return applyStep(context, {
    ...input,
    action: 'REJECT',
    authorize: supervisors,
    plan: (issue) => {
      if (input.duplicateOf === issue.id) throw BadUserInputError.of('duplicateOf', 'must be another issue');
      const checks = input.duplicateOf ? [context.services.issues.mustExist(issue.districtId, input.duplicateOf, 'duplicateOf')] : [];
      return { changes: { duplicateOf: input.duplicateOf }, note: input.reason, checks };
    },
  });
}
