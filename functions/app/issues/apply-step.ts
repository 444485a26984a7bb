import { issueStepEvent } from '../../domain/events/issue-events';
import { checkExpectedVersion } from '../../domain/expected-version';
import { counterEffects } from '../../domain/issues/counter-effects';
import { nextStatus, type WorkflowAction } from '../../domain/issues/workflow';
import { requireCaller, type Caller } from '../../domain/caller';
import type { IssueChanges, IssueRecord } from '../../store/issues/issue-record';
import type { GuardedWrite } from '../../store/transact';
import type { Services } from '../services';
import { countedFacts } from './counted-facts';

export interface StepPlan {
  changes: IssueChanges;
  note?: string;
  /** The note for the reporter's status page, when the step has one (access-rules.ts, residentTimelineStep). */
  publicNote?: string;
  /** Conditions on other items (the new assignee, the issue duplicated) written in the same transaction. */
  checks?: GuardedWrite[];
}

export interface StepRequest {
  id: string;
  expectedVersion?: number | null;
  action: WorkflowAction;
  /** Throws FORBIDDEN when this caller may not take this step on this issue. */
  authorize(caller: Caller, issue: IssueRecord): void;
  /** Checks that need more reads than the issue (the caller's officer record, the issue's grid), after `authorize`. */
  verify?(caller: Caller, issue: IssueRecord): Promise<void>;
  plan(issue: IssueRecord, at: string): StepPlan;
}

/**
 * One workflow step: read the issue, check the caller, the expected version and the workflow,
 * then write the new state, its history event and its statistics in one transaction guarded by
 * the version and status read. Any other writer in between makes this CONFLICT, with nothing changed.
 */
export async function applyStep(services: Services, caller: Caller | undefined, request: StepRequest): Promise<IssueRecord> {
  const staff = requireCaller(caller);
  const [current, timezone] = await Promise.all([services.issues.require(staff.districtId, request.id), services.districts.timezoneOf(staff.districtId)]);
  request.authorize(staff, current);
  await request.verify?.(staff, current);
  checkExpectedVersion(`Issue ${current.id}`, current, request.expectedVersion);
  const toStatus = nextStatus(request.action, current.status);
  const at = services.clock().toISOString();
  const { changes, note, publicNote, checks = [] } = request.plan(current, at);
  const next: IssueRecord = { ...current, ...changes, status: toStatus };
  const effects = counterEffects(countedFacts(current), countedFacts(next), request.action);
  const event = issueStepEvent({ ...next, version: current.version + 1 }, { action: request.action, fromStatus: current.status, at, timezone });
  return services.issues.applyStep(
    current,
    next,
    { at, actor: staff.subject, action: request.action, fromStatus: current.status, toStatus, ...(note ? { note } : {}), ...(publicNote ? { publicNote } : {}) },
    { counts: effects, checks, event },
  );
}
