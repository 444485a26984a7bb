import type { IssueAction } from '../issues/workflow';
import { inZone } from '../time';
import type { IssueCategory, IssuePriority, IssueSource, IssueStatus, Satisfaction } from '../vocabulary';
import type { DomainEvent, DomainEventType } from './domain-event';
import { domainEvent } from './event-envelope';

/** The event type of each workflow step (a report is one step, whatever status routing gives it). */
export const ISSUE_EVENT_TYPES: Record<IssueAction, DomainEventType> = {
  REPORT: 'issue.reported',
  ASSIGN: 'issue.assigned',
  START: 'issue.started',
  TRANSFER: 'issue.transferred',
  RESOLVE: 'issue.resolved',
  CLOSE: 'issue.closed',
  REOPEN: 'issue.reopened',
  REJECT: 'issue.rejected',
};

/**
 * The public facts of an issue after a step: ids, codes and times. Never the description, the
 * title (often the reporter's own words), the address, the location, photos or the reporter's contact.
 */
export interface IssueFacts {
  districtId: string;
  id: string;
  /** The issue's version after the step: the event's sequence. */
  version: number;
  status: IssueStatus;
  category: IssueCategory;
  priority: IssuePriority;
  source: IssueSource;
  stationId?: string;
  gridId?: string;
  assigneeId?: string;
  transferredTo?: string;
  duplicateOf?: string;
  resolvedOnSite: boolean;
  reopenCount: number;
  satisfaction?: Satisfaction;
  reportedAt: string;
  dueAt: string;
  resolvedAt?: string;
  closedAt?: string;
  /** A 12345 referral's ticket number: what the reply to the hotline (回单) cites. */
  hotlineTicket?: string;
}

export interface IssueStep {
  action: IssueAction;
  /** The status before the step; absent for a report. */
  fromStatus?: IssueStatus;
  at: string;
  timezone: string;
}

/** The event of one committed issue step, its sequence the issue's version after it. */
export function issueStepEvent(issue: IssueFacts, step: IssueStep): DomainEvent {
  return domainEvent({
    type: ISSUE_EVENT_TYPES[step.action],
    districtId: issue.districtId,
    timezone: step.timezone,
    at: step.at,
    subject: { type: 'Issue', id: issue.id },
    sequence: issue.version,
    data: {
      fromStatus: step.fromStatus,
      status: issue.status,
      category: issue.category,
      priority: issue.priority,
      source: issue.source,
      stationId: issue.stationId,
      gridId: issue.gridId,
      assigneeId: issue.assigneeId,
      transferredTo: issue.transferredTo,
      duplicateOf: issue.duplicateOf,
      resolvedOnSite: issue.resolvedOnSite,
      reopenCount: issue.reopenCount,
      satisfaction: issue.satisfaction,
      reportedAt: inZone(issue.reportedAt, step.timezone),
      dueAt: inZone(issue.dueAt, step.timezone),
      resolvedAt: issue.resolvedAt && inZone(issue.resolvedAt, step.timezone),
      closedAt: issue.closedAt && inZone(issue.closedAt, step.timezone),
      hotlineTicket: issue.hotlineTicket,
    },
  });
}

/**
 * The reporter's own rating (rateIssue): not a workflow step, yet a change of the issue at a new
 * version, announced as `issue.rated` with the rating and no comment (the reporter's words).
 */
export function issueRatedEvent(issue: IssueFacts, at: string, timezone: string): DomainEvent {
  const resolved = issueStepEvent(issue, { action: 'CLOSE', at, timezone });
  return domainEvent({
    type: 'issue.rated',
    districtId: issue.districtId,
    timezone,
    at,
    subject: { type: 'Issue', id: issue.id },
    sequence: issue.version,
    data: { ...resolved.data, fromStatus: undefined, ratedBy: 'RESIDENT' },
  });
}
