import { randomUUID } from 'node:crypto';
import { issueStepEvent } from '../../domain/events/issue-events';
import { counterEffects } from '../../domain/issues/counter-effects';
import { deadlines, publicLimitsOf, timeLimitFor, type IssuePolicy } from '../../domain/issues/issue-policy';
import { metresBetween } from '../../domain/issues/routing';
import { districtOfServiceCode, unknownServiceCode } from '../../domain/service-code';
import { localDate } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import { reportIssueArguments } from '../../domain/validation/issue-inputs';
import { ConflictError, NotFoundError } from '../../shared/errors';
import { issueKey } from '../../store/issues/issue-keys';
import type { NewIssueEvent } from '../../store/issues/issue-repository';
import type { IssueRecord } from '../../store/issues/issue-record';
import { checkReporter, issuesTrackingCode } from '../../domain/access-rules';
import { formatTrackingCode, generateTrackingCode, trackingCodeHash } from '../../domain/issues/tracking-code';
import type { Caller } from '../../domain/caller';
import type { PublicCall } from '../../store/issues/rate-limit';
import type { GridRecord } from '../../store/grids';
import type { OfficerRecord } from '../../store/officers';
import type { StationRecord } from '../../store/stations';
import type { Services } from '../services';
import { checkCitedPhotos } from '../photos/cited-photos';
import { countedFacts } from './counted-facts';
import { decideRouting } from './routing-decision';
import { checkOnSiteResolution } from './on-site-resolution';

/** What the report read of the records its payload refers to, for the API to answer them from. */
export interface ReportRelated {
  grid?: GridRecord;
  station?: StationRecord;
  assignee?: OfficerRecord;
}

type ReportInput = ReturnType<typeof parseArguments<typeof reportIssueArguments>>['input'];

async function stationOfCode(services: Services, districtId: string, code: string | undefined): Promise<StationRecord | undefined> {
  if (!code) return undefined;
  const station = await services.stations.findByServiceCode(districtId, code);
  if (!station?.active) throw unknownServiceCode('input.serviceCode');
  return station;
}

/**
 * The ids of open issues of the same category within the policy's radius and window, nearest
 * first: one query of the open-issues index. The issues themselves are read beside the write.
 */
async function nearbyOpenIssueIds(services: Services, districtId: string, input: ReportInput, policy: IssuePolicy, now: Date): Promise<string[]> {
  const location = input.location;
  if (!location) return [];
  const since = new Date(now.getTime() - policy.duplicateWindowDays * 86_400_000).toISOString();
  const candidates = await services.issues.openOfCategorySince(districtId, input.category, since);
  return candidates
    .filter((issue) => issue.location)
    .map((issue) => ({ id: issue.id, metres: metresBetween(location, issue.location!) }))
    .filter((candidate) => candidate.metres <= policy.duplicateRadiusMeters)
    .sort((a, b) => a.metres - b.metres)
    .slice(0, 10)
    .map((candidate) => candidate.id);
}

/** The possible duplicates, in the order of `ids`. */
async function possibleDuplicates(services: Services, districtId: string, ids: string[]): Promise<IssueRecord[]> {
  if (ids.length === 0) return [];
  const issues = await services.issues.batchGet(districtId, ids);
  return issues.filter((issue): issue is IssueRecord => issue !== undefined);
}

/**
 * reportIssue: validates, routes (grid by location, else the service code's station), sets the
 * time limits, dispatches to the grid leader or records a patrol's on-the-spot resolution, and
 * writes the issue, its first events and its statistics in one transaction (with the service
 * code's rate limit for public reports, so a refused call stores nothing). A 12345 referral's
 * ticket is claimed in the same transaction: the ticket sent again answers the issue it made.
 */
export async function reportIssue(
  services: Services,
  caller: Caller | undefined,
  args: unknown,
  origin: { clientAddress?: string } = {},
): Promise<{ issue: IssueRecord; possibleDuplicates: IssueRecord[]; related: ReportRelated; trackingCode: string | null }> {
  const { input } = parseArguments(reportIssueArguments, args);
  checkReporter(caller, input);
  const districtId = caller ? caller.districtId : districtOfServiceCode(input.serviceCode!);
  // Three sequential round trips: the reference data (all independent); the routed leader beside
  // the duplicate query; the write beside the payload's station and the duplicates' records. The
  // payload's grid, station and assignee are handed back as `related`, so the API answers them
  // without reading them again.
  const [codeStation, district, policy, grids, photoKeys] = await Promise.all([
    stationOfCode(services, districtId, input.serviceCode),
    services.districts.get(districtId),
    services.issuePolicies.get(districtId),
    services.grids.all(districtId),
    checkCitedPhotos(services, districtId, 'REPORT', input.photoKeys ?? [], 'input.photoKeys'),
  ]);
  if (!district) throw caller ? new NotFoundError('District', districtId) : unknownServiceCode('input.serviceCode');
  const now = services.clock();
  const at = now.toISOString();
  const officers: OfficerRecord[] = [];
  const loadOfficer = async (id: string) => {
    const officer = await services.officers.get(districtId, id);
    if (officer) officers.push(officer);
    return officer;
  };
  const [routing, nearbyIds] = await Promise.all([
    decideRouting(input.location, grids, codeStation, loadOfficer),
    nearbyOpenIssueIds(services, districtId, input, policy, now),
  ]);
  if (input.resolvedOnSite && caller) await checkOnSiteResolution(services, caller, routing);
  const priority = input.priority ?? 'NORMAL';
  const actor = caller?.subject ?? 'resident';
  const events: NewIssueEvent[] = [{ at, actor, action: 'REPORT', toStatus: 'REPORTED', ...(input.note ? { note: input.note } : {}) }];
  const id = randomUUID();
  const base: IssueRecord = {
    ...issueKey(districtId, id),
    type: 'ISSUE',
    districtId,
    id,
    title: input.title ?? input.description.slice(0, 30),
    description: input.description,
    category: input.category,
    source: input.source ?? 'SERVICE_CODE',
    priority,
    status: 'REPORTED',
    location: input.location,
    address: input.address,
    photoUrls: input.photoUrls ?? [],
    ...(photoKeys.length > 0 ? { photoKeys } : {}),
    photosShowPeople: input.photosShowPeople ?? true,
    reporterContact: input.reporterContact,
    ...(input.hotlineTicket ? { hotlineTicket: input.hotlineTicket } : {}),
    gridId: routing.grid?.id,
    stationId: routing.stationId,
    routingNote: routing.note,
    reportedAt: at,
    reportedDay: localDate(at, district.timezone),
    ...deadlines(at, timeLimitFor(policy, input.category, priority)),
    resolvedOnSite: false,
    confirmations: 0,
    reopenCount: 0,
    eventCount: 0,
    version: 1,
  };
  let issue = base;
  if (input.resolvedOnSite) {
    issue = { ...base, status: 'RESOLVED', assigneeId: caller?.officerId ?? routing.leaderId, dispatchedAt: at, resolvedAt: at, firstResolvedAt: at, resolvedOnSite: true };
    events.push({ at, actor, action: 'RESOLVE', fromStatus: 'REPORTED', toStatus: 'RESOLVED', note: 'resolved on the spot' });
  } else if (routing.leaderId) {
    issue = { ...base, status: 'ASSIGNED', assigneeId: routing.leaderId, dispatchedAt: at };
    events.push({ at, actor: 'routing', action: 'ASSIGN', fromStatus: 'REPORTED', toStatus: 'ASSIGNED', note: `routed to grid ${routing.grid!.code}` });
  }
  issue = { ...issue, eventCount: events.length };
  const publicCall: PublicCall | undefined = caller
    ? undefined
    : { serviceCode: input.serviceCode!, clientAddress: origin.clientAddress, limits: publicLimitsOf(policy), at: now };
  const event = issueStepEvent(issue, { action: 'REPORT', at, timezone: district.timezone });
  // The reporter's receipt: only its hash is stored, in the report's own transaction.
  const tracking = issuesTrackingCode(issue.source) ? generateTrackingCode(districtId) : undefined;
  const checks = [
    ...(tracking ? [services.tracking.codeWrite(districtId, id, trackingCodeHash(tracking), at)] : []),
    ...(input.hotlineTicket ? [services.hotlineTickets.claim(districtId, input.hotlineTicket, id)] : []),
  ];
  const stationId = issue.stationId;
  let station: StationRecord | undefined;
  let duplicates: IssueRecord[];
  try {
    [, station, duplicates] = await Promise.all([
      services.issues.create(issue, events, { counts: counterEffects(undefined, countedFacts(issue), 'REPORT'), publicCall, checks, event }),
      stationId && codeStation?.id !== stationId ? services.stations.get(districtId, stationId) : Promise.resolve(codeStation),
      possibleDuplicates(services, districtId, nearbyIds),
    ]);
  } catch (error) {
    const earlier = error instanceof ConflictError && input.hotlineTicket ? await issueOfTicket(services, districtId, input.hotlineTicket) : undefined;
    if (earlier) return { issue: earlier, possibleDuplicates: [], related: {}, trackingCode: null };
    throw error;
  }
  const related: ReportRelated = {
    ...(routing.grid ? { grid: routing.grid } : {}),
    ...(station ? { station } : {}),
    ...(issue.assigneeId ? { assignee: officers.find((officer) => officer.id === issue.assigneeId) } : {}),
  };
  return { issue, possibleDuplicates: duplicates, related, trackingCode: tracking ? formatTrackingCode(tracking) : null };
}

/** The issue an earlier intake of the same 12345 ticket made: the answer to a re-sent referral. */
async function issueOfTicket(services: Services, districtId: string, ticket: string): Promise<IssueRecord | undefined> {
  const issueId = await services.hotlineTickets.issueIdOf(districtId, ticket);
  return issueId ? services.issues.get(districtId, issueId) : undefined;
}
