import { photoReadUrls } from '../../app/photos/photo-read-urls';
import { seesIssueDetails, seesIssuePhotos, seesIssueRelations, seesReporterContact, seesResolutionPhotos, type IssueReader } from '../../domain/access-rules';
import { isOpen } from '../../domain/issues/workflow';
import { translateNote } from '../../domain/messages/translate';
import { inZone } from '../../domain/time';
import { ISSUE_CATEGORY_LABELS } from '../../domain/vocabulary';
import { eventSequence } from '../../store/issues/issue-keys';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { RequestContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { objectIds } from './object-ids';

const readerOf = (context: RequestContext, issue: IssueRecord): IssueReader => ({
  caller: context.caller,
  reportedItInThisRequest: context.reportedIssueIds.has(issue.id),
});
const seesDetails = (context: RequestContext, issue: IssueRecord) => seesIssueDetails(readerOf(context, issue));

/** A required time, shown in the district's zone. */
const time = (pick: (issue: IssueRecord) => string) => async (issue: IssueRecord, _args: unknown, context: RequestContext) =>
  inZone(pick(issue), await context.timezoneOf(issue.districtId));

/** An optional time, shown in the district's zone. */
const optionalTime = (pick: (issue: IssueRecord) => string | undefined) => async (issue: IssueRecord, _args: unknown, context: RequestContext) => {
  const value = pick(issue);
  return value ? inZone(value, await context.timezoneOf(issue.districtId)) : null;
};

/**
 * A step's note: what someone typed is answered as typed; the notes the API writes itself (the
 * routing step's, a report resolved on the spot, a transfer without a note) in the request's language.
 */
const noteOf = (event: { actor: string; action: string; fromStatus?: string; note?: string }, context: RequestContext): string | undefined => {
  const written = event.actor === 'routing' || event.action === 'TRANSFER' || (event.action === 'RESOLVE' && event.fromStatus === 'REPORTED');
  return written && event.note ? translateNote(event.note, context.language) : event.note;
};

/** Issue fields: times in the district's zone, `overdue` at read time, privacy rules, batched relations. */
export const issueFieldResolvers: Resolvers = {
  Issue: {
    title: (issue, _args, context) => (seesDetails(context, issue) ? issue.title : ISSUE_CATEGORY_LABELS[issue.category]),
    description: (issue, _args, context) => (seesDetails(context, issue) ? issue.description : null),
    location: (issue, _args, context) => (seesDetails(context, issue) ? (issue.location ?? null) : null),
    address: (issue, _args, context) => (seesDetails(context, issue) ? (issue.address ?? null) : null),
    // Uploaded photos as presigned URLs first, then the external URLs staff gave.
    photoUrls: async (issue, _args, context) =>
      seesIssuePhotos(readerOf(context, issue), issue) ? [...(await photoReadUrls(context.services, issue.photoKeys)), ...issue.photoUrls] : [],
    resolutionPhotoUrls: (issue, _args, context) =>
      seesResolutionPhotos(readerOf(context, issue)) ? photoReadUrls(context.services, issue.resolutionPhotoKeys) : [],
    reporterContact: (issue, _args, context) => (seesReporterContact(context.caller) ? (issue.reporterContact ?? null) : null),
    grid: async (issue, _args, context) =>
      seesIssueRelations(context.caller) && issue.gridId ? ((await context.loaders().gridById.load(issue.gridId)) ?? null) : null,
    station: async (issue, _args, context) =>
      seesIssueRelations(context.caller) && issue.stationId ? ((await context.loaders().stationById.load(issue.stationId)) ?? null) : null,
    assignee: async (issue, _args, context) =>
      seesIssueRelations(context.caller) && issue.assigneeId ? ((await context.loaders().officerById.load(issue.assigneeId)) ?? null) : null,
    duplicateOf: async (issue, _args, context) =>
      seesIssueRelations(context.caller) && issue.duplicateOf ? ((await context.loaders().issueById.load(issue.duplicateOf)) ?? null) : null,
    // Stored in English; answered in the request's language.
    routingNote: (issue, _args, context) => (seesDetails(context, issue) && issue.routingNote ? translateNote(issue.routingNote, context.language) : null),
    reportedAt: time((issue) => issue.reportedAt),
    dispatchDueAt: time((issue) => issue.dispatchDueAt),
    dueAt: time((issue) => issue.dueAt),
    resolvedAt: optionalTime((issue) => issue.resolvedAt),
    closedAt: optionalTime((issue) => issue.closedAt),
    overdue: (issue, _args, context) => isOpen(issue.status) && context.services.clock().getTime() > Date.parse(issue.dueAt),
    transferredTo: (issue, _args, context) => (seesDetails(context, issue) ? (issue.transferredTo ?? null) : null),
    satisfaction: (issue, _args, context) => (seesDetails(context, issue) ? (issue.satisfaction ?? null) : null),
    hotlineTicket: (issue, _args, context) => (seesIssueRelations(context.caller) ? (issue.hotlineTicket ?? null) : null),
    history: async (issue, _args, context) => {
      if (!seesIssueRelations(context.caller)) return [];
      const [events, timezone] = await Promise.all([context.loaders().issueHistory.load(issue.id), context.timezoneOf(issue.districtId)]);
      return events.map((event) => ({ ...event, at: inZone(event.at, timezone), ...(event.note ? { note: noteOf(event, context) } : {}) }));
    },
  },
  IssueEvent: {
    id: (event) => objectIds.issueEvent(event.issueId, eventSequence(event)),
  },
};
