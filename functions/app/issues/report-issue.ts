import { randomUUID } from 'node:crypto';
import { counterEffects } from '../../domain/issues/counter-effects';
import { deadlines, publicLimitsOf, timeLimitFor, type IssuePolicy } from '../../domain/issues/issue-policy';
import { metresBetween } from '../../domain/issues/routing';
import { districtOfServiceCode, unknownServiceCode } from '../../domain/service-code';
import { localDate } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import { reportIssueArguments } from '../../domain/validation/issue-inputs';
import { NotFoundError } from '../../shared/errors';
import { issueKey } from '../../store/issues/issue-keys';
import type { NewIssueEvent } from '../../store/issues/issue-repository';
import type { IssueRecord } from '../../store/issues/issue-record';
import { checkReporter, issuesTrackingCode } from '../../domain/access-rules';
import { formatTrackingCode, generateTrackingCode, trackingCodeHash } from '../../domain/issues/tracking-code';
import type { Caller } from '../../domain/caller';
import type { PublicCall } from '../../store/issues/rate-limit';
import type { StationRecord } from '../../store/stations';
import type { Services } from '../services';
import { countedFacts } from './counted-facts';
import { decideRouting } from './routing-decision';

type ReportInput = ReturnType<typeof parseArguments<typeof reportIssueArguments>>['input'];

async function stationOfCode(services: Services, districtId: string, code: string | undefined): Promise<StationRecord | undefined> {
  if (!code) return undefined;
  const station = await services.stations.findByServiceCode(districtId, code);
  if (!station?.active) throw unknownServiceCode('input.serviceCode');
  return station;
}

/** Open issues of the same category within the policy's radius and window, nearest first. */
async function possibleDuplicates(services: Services, districtId: string, input: ReportInput, policy: IssuePolicy, now: Date): Promise<IssueRecord[]> {
  const location = input.location;
  if (!location) return [];
  const since = new Date(now.getTime() - policy.duplicateWindowDays * 86_400_000).toISOString();
  const candidates = await services.issues.openOfCategorySince(districtId, input.category, since);
  return candidates
    .filter((issue) => issue.location)
    .map((issue) => ({ issue, metres: metresBetween(location, issue.location!) }))
    .filter((candidate) => candidate.metres <= policy.duplicateRadiusMeters)
    .sort((a, b) => a.metres - b.metres)
    .slice(0, 10)
    .map((candidate) => candidate.issue);
}

/**
 * reportIssue: validates, routes (grid by location, else the service code's station), sets the
 * time limits, dispatches to the grid leader or records a patrol's on-the-spot resolution, and
 * writes the issue, its first events and its statistics in one transaction (with the service
 * code's rate limit for public reports, so a refused call stores nothing).
 */
export async function reportIssue(
  services: Services,
  caller: Caller | undefined,
  args: unknown,
  origin: { clientAddress?: string } = {},
): Promise<{ issue: IssueRecord; possibleDuplicates: IssueRecord[]; trackingCode: string | null }> {
  const { input } = parseArguments(reportIssueArguments, args);
  checkReporter(caller, input);
  const districtId = caller ? caller.districtId : districtOfServiceCode(input.serviceCode!);
  const codeStation = await stationOfCode(services, districtId, input.serviceCode);
  const [district, policy, grids] = await Promise.all([
    services.districts.get(districtId),
    services.issuePolicies.get(districtId),
    services.grids.all(districtId),
  ]);
  if (!district) throw caller ? new NotFoundError('District', districtId) : unknownServiceCode('input.serviceCode');
  const now = services.clock();
  const at = now.toISOString();
  const routing = await decideRouting(input.location, grids, codeStation, (id) => services.officers.get(districtId, id));
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
    photosShowPeople: input.photosShowPeople ?? true,
    reporterContact: input.reporterContact,
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
  const duplicates = await possibleDuplicates(services, districtId, input, policy, now);
  const publicCall: PublicCall | undefined = caller
    ? undefined
    : { serviceCode: input.serviceCode!, clientAddress: origin.clientAddress, limits: publicLimitsOf(policy), at: now };
  // The reporter's receipt: only its hash is stored, in the report's own transaction.
  const tracking = issuesTrackingCode(issue.source) ? generateTrackingCode(districtId) : undefined;
  const checks = tracking ? [services.tracking.codeWrite(districtId, id, trackingCodeHash(tracking), at)] : [];
  await services.issues.create(issue, events, { counts: counterEffects(undefined, countedFacts(issue), 'REPORT'), checks, publicCall });
  return { issue, possibleDuplicates: duplicates, trackingCode: tracking ? formatTrackingCode(tracking) : null };
}
