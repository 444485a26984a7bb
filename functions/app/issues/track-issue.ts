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

/** The station of the issue, if it has one: one read, which needs nothing but the issue. */
export async function stationOfIssue(services: Services, issue: IssueRecord): Promise<StationRecord | undefined> {
  return issue.stationId ? services.stations.get(issue.districtId, issue.stationId) : undefined;
}

/** The answer for an issue, its history and its station: the public timeline. */
export function trackedModel(issue: IssueRecord, events: IssueEventRecord[], station: StationRecord | undefined): TrackedIssueModel {
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
 * get the one answer `unknownTrackingCode`. The budget is counted for every call, right or wrong,
 * and before anything is answered; the reads that do not need the policy run beside it (two
 * sequential round trips: the policy, the code and the district; the count beside the issue and
 * its history). The district read also answers the request's time-zone lookups.
 */
export async function findByTrackingCode(
  services: Services,
  typedCode: string,
  clientAddress: string | undefined,
): Promise<{ issue: IssueRecord; events: IssueEventRecord[]; timezone: string }> {
  const code = parseTrackingCode(typedCode);
  if (!code) throw unknownTrackingCode();
  const [policy, issueId, district] = await Promise.all([
    services.issuePolicies.get(code.districtId),
    services.tracking.issueIdOf(code.districtId, trackingCodeHash(code)),
    services.districts.get(code.districtId),
  ]);
  const [, found] = await Promise.all([
    services.tracking.countLookup(code.districtId, clientAddress, publicLimitsOf(policy).perAddress, services.clock()),
    issueId ? services.tracking.issueWithHistory(code.districtId, issueId) : Promise.resolve(undefined),
  ]);
  if (!found?.issue || !district) throw unknownTrackingCode();
  return { issue: found.issue, events: found.events, timezone: district.timezone };
}

/** trackIssue: public; the code is the only credential. */
export async function trackIssue(services: Services, args: unknown, origin: { clientAddress?: string } = {}): Promise<TrackedIssueModel> {
  const { trackingCode } = parseArguments(trackIssueArguments, args);
  const { issue, events } = await findByTrackingCode(services, trackingCode, origin.clientAddress);
  return trackedModel(issue, events, await stationOfIssue(services, issue));
}
