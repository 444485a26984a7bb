import { randomUUID } from 'node:crypto';
import { checkReporter, issuesTrackingCode } from '../../functions/domain/access-rules';
import type { Caller } from '../../functions/domain/caller';
import { issueStepEvent } from '../../functions/domain/events/issue-events';
import { counterEffects } from '../../functions/domain/issues/counter-effects';
import { deadlines, publicLimitsOf, timeLimitFor } from '../../functions/domain/issues/issue-policy';
import { metresBetween } from '../../functions/domain/issues/routing';
import { generateTrackingCode, trackingCodeHash, formatTrackingCode } from '../../functions/domain/issues/tracking-code';
import { districtOfServiceCode, unknownServiceCode } from '../../functions/domain/service-code';
import { localDate } from '../../functions/domain/time';
import { reportIssueArguments } from '../../functions/domain/validation/issue-inputs';
import { parseArguments } from '../../functions/domain/validation/parse';
import { checkCitedPhotos } from '../../functions/app/photos/cited-photos';
import { countedFacts } from '../../functions/app/issues/counted-facts';
import { checkOnSiteResolution } from '../../functions/app/issues/on-site-resolution';
import { decideRouting } from '../../functions/app/issues/routing-decision';
import type { Services } from '../../functions/app/services';
import { NotFoundError } from '../../functions/shared/errors';
import { issueKey } from '../../functions/store/issues/issue-keys';
import type { NewIssueEvent } from '../../functions/store/issues/issue-repository';
import type { IssueRecord } from '../../functions/store/issues/issue-record';
import type { StationRecord } from '../../functions/store/stations';

/**
 * The baseline of the reportIssue round-trip figure: reportIssue in the order it had before its
 * reads were parallelised (the parent of the commit "reportIssue in 3 sequential round trips"),
 * over today's services and store, so both sides write the same transaction and answer the same
 * payload. Each step waits for the one before: the service code's station (public reports only);
 * the district, policy and grids; the routed leader; the open issues nearby (today a query, then
 * the records of those within the radius: the index no longer projects them); the write. It
 * hands nothing to the request's loaders, so the payload's station, grid and assignee are read
 * after the write, as they were. Bench only: never deployed.
 */
export async function reportIssueInSequence(services: Services, caller: Caller | undefined, args: unknown, origin: { clientAddress?: string } = {}) {
  const { input } = parseArguments(reportIssueArguments, args);
  checkReporter(caller, input);
  const districtId = caller ? caller.districtId : districtOfServiceCode(input.serviceCode!);
  const codeStation = await stationOfCode(services, districtId, input.serviceCode);
  const [district, policy, grids, photoKeys] = await Promise.all([
    services.districts.get(districtId),
    services.issuePolicies.get(districtId),
    services.grids.all(districtId),
    checkCitedPhotos(services, districtId, 'REPORT', input.photoKeys ?? [], 'input.photoKeys'),
  ]);
  if (!district) throw caller ? new NotFoundError('District', districtId) : unknownServiceCode('input.serviceCode');
  const now = services.clock();
  const at = now.toISOString();
  const routing = await decideRouting(input.location, grids, codeStation, (id) => services.officers.get(districtId, id));
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
  const duplicates = await possibleDuplicates(services, districtId, input.location, input.category, policy, now);
  const publicCall = caller ? undefined : { serviceCode: input.serviceCode!, clientAddress: origin.clientAddress, limits: publicLimitsOf(policy), at: now };
  const event = issueStepEvent(issue, { action: 'REPORT', at, timezone: district.timezone });
  const tracking = issuesTrackingCode(issue.source) ? generateTrackingCode(districtId) : undefined;
  const checks = [
    ...(tracking ? [services.tracking.codeWrite(districtId, id, trackingCodeHash(tracking), at)] : []),
    ...(input.hotlineTicket ? [services.hotlineTickets.claim(districtId, input.hotlineTicket, id)] : []),
  ];
  await services.issues.create(issue, events, { counts: counterEffects(undefined, countedFacts(issue), 'REPORT'), publicCall, checks, event });
  return { issue, possibleDuplicates: duplicates, trackingCode: tracking ? formatTrackingCode(tracking) : null };
}

async function stationOfCode(services: Services, districtId: string, code: string | undefined): Promise<StationRecord | undefined> {
  if (!code) return undefined;
  const station = await services.stations.findByServiceCode(districtId, code);
  if (!station?.active) throw unknownServiceCode('input.serviceCode');
  return station;
}

async function possibleDuplicates(
  services: Services,
  districtId: string,
  location: { lat: number; lng: number } | undefined,
  category: IssueRecord['category'],
  policy: { duplicateWindowDays: number; duplicateRadiusMeters: number },
  now: Date,
): Promise<IssueRecord[]> {
  if (!location) return [];
  const since = new Date(now.getTime() - policy.duplicateWindowDays * 86_400_000).toISOString();
  const candidates = await services.issues.openOfCategorySince(districtId, category, since);
  const nearest = candidates
    .filter((issue) => issue.location)
    .map((issue) => ({ id: issue.id, metres: metresBetween(location, issue.location!) }))
    .filter((candidate) => candidate.metres <= policy.duplicateRadiusMeters)
    .sort((a, b) => a.metres - b.metres)
    .slice(0, 10);
  if (nearest.length === 0) return [];
  const issues = await services.issues.batchGet(districtId, nearest.map((candidate) => candidate.id));
  return issues.filter((issue): issue is IssueRecord => issue !== undefined);
}
