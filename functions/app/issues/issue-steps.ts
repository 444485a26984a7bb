import { requireIssueHandler, requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
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
import { BadUserInputError } from '../../shared/errors';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { Services } from '../services';
import { checkCitedPhotos } from '../photos/cited-photos';
import { applyStep } from './apply-step';
import { checkOnSiteStep, onSiteResolver } from './on-site-resolution';

const supervisors = (caller: Caller) => void requireOperation(caller, 'superviseIssues');

export function assignIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(assignIssueArguments, args);
  return applyStep(services, caller, {
    ...input,
    action: 'ASSIGN',
    authorize: supervisors,
    plan: (issue, at) => ({
      changes: { assigneeId: input.assigneeId, dispatchedAt: issue.dispatchedAt ?? at },
      note: input.note,
      checks: [services.officers.mustBeActive(issue.districtId, input.assigneeId, 'assigneeId')],
    }),
  });
}

export function startIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(plainStepArguments, args);
  return applyStep(services, caller, { ...input, action: 'START', authorize: requireIssueHandler, plan: () => ({ changes: {}, note: input.note }) });
}

/**
 * The officer's after-photos (处置后照片), if cited, replace those of an earlier resolution.
 * `resolvedOnSite: true` is taken only from an officer on patrol in the issue's area (checkOnSiteStep).
 */
export async function resolveIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const { photoKeys, ...input } = parseArguments(resolveIssueArguments, args);
  const officer = input.resolvedOnSite ? onSiteResolver(services, caller) : undefined;
  const afterPhotos = photoKeys && caller ? await checkCitedPhotos(services, caller.districtId, 'RESOLUTION', photoKeys, 'photoKeys') : undefined;
  return applyStep(services, caller, {
    ...input,
    action: 'RESOLVE',
    authorize: requireIssueHandler,
    ...(officer ? { verify: (staff: Caller, issue: IssueRecord) => checkOnSiteStep(services, staff, issue, officer) } : {}),
    plan: (issue, at) => ({
      changes: {
        resolvedAt: at,
        firstResolvedAt: issue.firstResolvedAt ?? at,
        resolvedOnSite: input.resolvedOnSite ?? issue.resolvedOnSite,
        ...(afterPhotos ? { resolutionPhotoKeys: afterPhotos } : {}),
      },
      note: input.note,
      publicNote: input.publicNote,
    }),
  });
}

export function transferIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(transferIssueArguments, args);
  return applyStep(services, caller, {
    ...input,
    action: 'TRANSFER',
    authorize: requireIssueHandler,
    plan: (issue, at) => ({
      changes: { transferredTo: input.department, dispatchedAt: issue.dispatchedAt ?? at },
      note: input.note ?? `transferred to ${input.department}`,
    }),
  });
}

export function closeIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(closeIssueArguments, args);
  return applyStep(services, caller, {
    ...input,
    action: 'CLOSE',
    authorize: supervisors,
    plan: (issue, at) => {
      const residentReport = issue.source !== 'PATROL';
      // A reporter who rated it themselves (rateIssue) already gave the follow-up's answer.
      if (residentReport && !input.satisfaction && !issue.satisfaction) throw BadUserInputError.of('satisfaction', `is required to close a resident's report (source ${issue.source}): the follow-up call's rating`);
      if (!residentReport && input.satisfaction) throw BadUserInputError.of('satisfaction', 'is refused for a PATROL find: only a resident’s report is rated');
      return { changes: { closedAt: at, firstClosedAt: issue.firstClosedAt ?? at, satisfaction: input.satisfaction ?? issue.satisfaction }, note: input.note };
    },
  });
}

export function reopenIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(reopenIssueArguments, args);
  return applyStep(services, caller, {
    ...input,
    action: 'REOPEN',
    authorize: supervisors,
    plan: (issue) => ({ changes: { reopenCount: issue.reopenCount + 1, resolvedAt: undefined, closedAt: undefined }, note: input.note }),
  });
}

export function rejectIssue(services: Services, caller: Caller | undefined, args: unknown) {
  const input = parseArguments(rejectIssueArguments, args);
  return applyStep(services, caller, {
    ...input,
    action: 'REJECT',
    authorize: supervisors,
    plan: (issue) => {
      if (input.duplicateOf === issue.id) throw BadUserInputError.of('duplicateOf', 'must be another issue');
      const checks = input.duplicateOf ? [services.issues.mustExist(issue.districtId, input.duplicateOf, 'duplicateOf')] : [];
      return { changes: { duplicateOf: input.duplicateOf }, note: input.reason, checks };
    },
  });
}
