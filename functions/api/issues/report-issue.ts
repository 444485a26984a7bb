import { randomUUID } from 'node:crypto';
import { counterEffects } from '../../domain/issues/counter-effects';
import { deadlines, timeLimitFor, type IssuePolicy } from '../../domain/issues/issue-policy';
import { metresBetween } from '../../domain/issues/routing';
import { districtOfServiceCode } from '../../domain/service-code';
import { localDate } from '../../domain/time';
import { parseArguments } from '../../domain/validation/parse';
import { reportIssueArguments } from '../../domain/validation/issue-inputs';
import { BadUserInputError, NotFoundError } from '../../shared/errors';
import { issueKey } from '../../store/issues/issue-keys';
import type { NewIssueEvent } from '../../store/issues/issue-repository';
import type { IssueRecord } from '../../store/issues/issue-record';
import { publicCallLimits } from '../../store/issues/rate-limit';
import { scopesOf, statsBucketWrites } from '../../store/issues/stats-buckets';
import type { StationRecord } from '../../store/stations';
import type { RequestContext } from '../context';
import { countedFacts } from './counted-facts';
import { decideRouting } from './routing-decision';

type ReportInput = ReturnType<typeof parseArguments<typeof reportIssueArguments>>['input'];

/** Who may report what: residents only through a service code; patrols alone resolve on the spot. */
function checkReporter(context: RequestContext, input: ReportInput): string {
  if (!context.caller) {
    if (!input.serviceCode) throw BadUserInputError.of('input.serviceCode', 'is required to report without a token');
    if (input.source && input.source !== 'SERVICE_CODE') throw BadUserInputError.of('input.source', 'must be SERVICE_CODE without a token');
    if (input.resolvedOnSite) throw BadUserInputError.of('input.resolvedOnSite', 'needs a staff token');
    return districtOfServiceCode(input.serviceCode);
  }
  if (!input.source) throw BadUserInputError.of('input.source', 'is required with a staff token');
  if (input.resolvedOnSite && input.source !== 'PATROL') throw BadUserInputError.of('input.resolvedOnSite', 'only a PATROL report can be resolved on the spot');
  return context.caller.districtId;
}

async function stationOfCode(context: RequestContext, districtId: string, code: string | undefined): Promise<StationRecord | undefined> {
  if (!code) return undefined;
  const station = await context.services.stations.findByServiceCode(districtId, code);
  if (!station?.active) throw BadUserInputError.of('input.serviceCode', 'is not the code of an active station of this district');
  return station;
}

/** Open issues of the same category within the policy's radius and window, nearest first. */
async function possibleDuplicates(context: RequestContext, districtId: string, input: ReportInput, policy: IssuePolicy, now: Date): Promise<IssueRecord[]> {
  const location = input.location;
  if (!location) return [];
  const since = new Date(now.getTime() - policy.duplicateWindowDays * 86_400_000).toISOString();
  const candidates = await context.services.issues.openOfCategorySince(districtId, input.category, since);
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
export async function reportIssue(context: RequestContext, args: unknown): Promise<{ issue: IssueRecord; possibleDuplicates: IssueRecord[] }> {
  const { input } = parseArguments(reportIssueArguments, args);
  const districtId = checkReporter(context, input);
  const codeStation = await stationOfCode(context, districtId, input.serviceCode);
  const [district, policy, grids] = await Promise.all([
    context.districtOf(districtId),
    context.services.issuePolicies.get(districtId),
    context.services.grids.all(districtId),
  ]);
  if (!district) throw new NotFoundError('District', districtId);
  const now = context.services.clock();
  const at = now.toISOString();
  const routing = await decideRouting(input.location, grids, codeStation, (id) => context.services.officers.get(districtId, id));
  const priority = input.priority ?? 'NORMAL';
  const actor = context.caller?.subject ?? 'resident';
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
    issue = { ...base, status: 'RESOLVED', assigneeId: context.caller?.officerId ?? routing.leaderId, dispatchedAt: at, resolvedAt: at, firstResolvedAt: at, resolvedOnSite: true };
    events.push({ at, actor, action: 'RESOLVE', fromStatus: 'REPORTED', toStatus: 'RESOLVED', note: 'resolved on the spot' });
  } else if (routing.leaderId) {
    issue = { ...base, status: 'ASSIGNED', assigneeId: routing.leaderId, dispatchedAt: at };
    events.push({ at, actor: 'routing', action: 'ASSIGN', fromStatus: 'REPORTED', toStatus: 'ASSIGNED', note: `routed to grid ${routing.grid!.code}` });
  }
  issue = { ...issue, eventCount: events.length };
  const duplicates = await possibleDuplicates(context, districtId, input, policy, now);
  await context.services.issues.create(issue, events, [
    ...statsBucketWrites(context.services.store, districtId, issue.reportedDay, scopesOf(issue), counterEffects(undefined, countedFacts(issue), 'REPORT')),
    ...(context.caller
      ? []
      : publicCallLimits(
          context.services.store,
          districtId,
          { serviceCode: input.serviceCode!, clientAddress: context.clientAddress },
          { perCode: policy.publicReportsPerCodePerMinute, perAddress: policy.publicCallsPerAddressPerMinute },
          now,
        )),
  ]);
  context.reportedIssueIds.add(issue.id);
  return { issue, possibleDuplicates: duplicates };
}
