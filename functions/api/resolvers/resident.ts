import { residentMayRate, seesResolutionPhotos } from '../../domain/access-rules';
import { photoReadUrls } from '../../app/photos/photo-read-urls';
import { rateIssue } from '../../app/issues/rate-issue';
import { trackIssue } from '../../app/issues/track-issue';
import { stepSummary } from '../../domain/issues/public-timeline';
import { serviceCodeUrl } from '../../domain/report-url';
import { inZone } from '../../domain/time';
import { ISSUE_CATEGORY_LABELS } from '../../domain/vocabulary';
import type { StationRecord } from '../../store/stations';
import type { RequestContext } from '../context';
import type { Resolvers } from '../generated/graphql';
import { objectIds } from './object-ids';

/** The station's report URL: its district's template, or this deployment's page (relative when the request named no host). */
const stationUrl = async (station: StationRecord, _args: unknown, context: RequestContext): Promise<string> => {
  const district = await context.services.districts.get(station.districtId);
  return serviceCodeUrl(station.serviceCode, { template: district?.reportUrl, baseUrl: context.publicBaseUrl ?? '' });
};

/** The residents' loop: a station's report URL, the receipt's tracking code, the status page and the rating. */
export const residentResolvers: Resolvers = {
  Query: {
    trackIssue: (_parent, args, context) => trackIssue(context.services, args, { clientAddress: context.clientAddress }),
  },
  Mutation: {
    rateIssue: (_parent, args, context) => rateIssue(context.services, args, { clientAddress: context.clientAddress }),
  },
  Station: { serviceCodeUrl: stationUrl },
  PublicStation: { serviceCodeUrl: stationUrl },
  TrackedIssue: {
    id: ({ issue }) => issue.id,
    category: ({ issue }) => issue.category,
    categoryName: ({ issue }) => ISSUE_CATEGORY_LABELS[issue.category],
    description: ({ issue }) => issue.description,
    status: ({ issue }) => issue.status,
    station: ({ station }) => station ?? null,
    reportedAt: async ({ issue }, _args, context) => inZone(issue.reportedAt, await context.timezoneOf(issue.districtId)),
    dueAt: async ({ issue }, _args, context) => inZone(issue.dueAt, await context.timezoneOf(issue.districtId)),
    resolvedAt: async ({ issue }, _args, context) => (issue.resolvedAt ? inZone(issue.resolvedAt, await context.timezoneOf(issue.districtId)) : null),
    timeline: ({ timeline }) => timeline,
    // The officer's after-photos (处置后照片), as short-lived links: the tracking code's holder is the reporter.
    afterPhotoUrls: ({ issue }, _args, context) =>
      seesResolutionPhotos({ caller: context.caller, reportedItInThisRequest: false, holdsTrackingCode: true }) ? photoReadUrls(context.services, issue.resolutionPhotoKeys) : [],
    satisfaction: ({ issue }) => issue.satisfaction ?? null,
    canRate: ({ issue }) => residentMayRate(issue),
  },
  TrackedIssueStep: {
    id: (step) => objectIds.issueEvent(step.issueId, step.sequence),
    at: async (step, _args, context) => inZone(step.at, await context.timezoneOf(step.districtId)),
    status: (step) => step.toStatus,
    summary: (step, _args, context) => stepSummary(step.action, context.language),
    publicNote: (step) => step.publicNote ?? null,
  },
};
