import { residentTimelineStep } from '../../domain/access-rules';
import { publicLimitsOf } from '../../domain/issues/issue-policy';
import { parseTrackingCode, trackingCodeHash, unknownTrackingCode } from '../../domain/issues/tracking-code';
import { parseArguments } from '../../domain/validation/parse';
import { trackIssueArguments } from '../../domain/validation/tracking-inputs';
import { eventSequence } from '../../store/issues/issue-keys';
import type { IssueEventRecord, IssueRecord } from '../../store/issues/issue-record';
import type { StationRecord } from '../../store/stations';
import type { Services } from '../services';

/** One step as residents see it (access-rules.ts, residentTimelineStep), with what identifies it. */
export type TrackedStepModel = ReturnType<typeof residentTimelineStep> & { districtId: string; issueId: string; sequence: number };

/** What the holder of a tracking code is answered: their report, its public timeline and its station. */
export interface TrackedIssueModel {
  issue: IssueRecord;
  /** Oldest first. */
  timeline: TrackedStepModel[];
  station?: StationRecord;
}

/** The answer for an issue and its history: the public timeline and the station (one more read). */
export async function trackedModel(services: Services, issue: IssueRecord, events: IssueEventRecord[]): Promise<TrackedIssueModel> {
  const station = issue.stationId ? await services.stations.get(issue.districtId, issue.stationId) : undefined;
  return {
    issue,
    timeline: events.map((event) => ({ ...residentTimelineStep(event), districtId: issue.districtId, issueId: issue.id, sequence: eventSequence(event) })),
    ...(station ? { station } : {}),
  };
}

/**
 * The report a tracking code leads to, after counting the lookup against the client address's
 * budget of public calls (the same counter as reports and confirmations, so trying many codes
 * from one address is refused). A malformed code, an unknown district and an unknown secret all
 * get the one answer `unknownTrackingCode`. The budget is counted for every call, right or wrong.
 */
export async function findByTrackingCode(services: Services, typedCode: string, clientAddress: string | undefined): Promise<{ issue: IssueRecord; events: IssueEventRecord[] }> {
  const code = parseTrackingCode(typedCode);
  if (!code) throw unknownTrackingCode();
  const policy = await services.issuePolicies.get(code.districtId);
  const [issueId] = await Promise.all([
    services.tracking.issueIdOf(code.districtId, trackingCodeHash(code)),
    services.tracking.countLookup(code.districtId, clientAddress, publicLimitsOf(policy).perAddress, services.clock()),
  ]);
  if (!issueId) throw unknownTrackingCode();
  const { issue, events } = await services.tracking.issueWithHistory(code.districtId, issueId);
  if (!issue) throw unknownTrackingCode();
  return { issue, events };
}

/** trackIssue: public; the code is the only credential. */
export async function trackIssue(services: Services, args: unknown, origin: { clientAddress?: string } = {}): Promise<TrackedIssueModel> {
  const { trackingCode } = parseArguments(trackIssueArguments, args);
  const { issue, events } = await findByTrackingCode(services, trackingCode, origin.clientAddress);
  return trackedModel(services, issue, events);
}
