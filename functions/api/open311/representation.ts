import { seesIssueDetails, seesIssuePhotos } from '../../domain/access-rules';
import { open311Status, publicUpdate } from '../../domain/open311/statuses';
import { inZone } from '../../domain/time';
import { ISSUE_CATEGORY_LABELS } from '../../domain/vocabulary';
import { eventSequence } from '../../store/issues/issue-keys';
import type { IssueEventRecord, IssueRecord } from '../../store/issues/issue-record';

/** An Open311 reader is anonymous and reported nothing in this request: the public projection. */
const OPEN311_READER = { caller: undefined, reportedItInThisRequest: false } as const;

const latestOf = (issue: IssueRecord): string =>
  [issue.reportedAt, issue.dispatchedAt, issue.resolvedAt, issue.closedAt].filter((at): at is string => !!at).sort().at(-1)!;

/**
 * A service request as GeoReport v2 answers it, with the same field rules as an anonymous GraphQL
 * caller (functions/domain/access-rules.ts): the category's name stands for the reporter's words,
 * and the location, address and photos are answered only where those rules allow.
 */
export function requestRow(issue: IssueRecord, timezone: string): Record<string, unknown> {
  const details = seesIssueDetails(OPEN311_READER);
  return {
    service_request_id: issue.id,
    status: open311Status(issue.status),
    service_name: ISSUE_CATEGORY_LABELS[issue.category],
    service_code: issue.category,
    description: details ? issue.description : undefined,
    requested_datetime: inZone(issue.reportedAt, timezone),
    updated_datetime: inZone(latestOf(issue), timezone),
    expected_datetime: inZone(issue.dueAt, timezone),
    address: details ? issue.address : undefined,
    lat: details ? issue.location?.lat : undefined,
    long: details ? issue.location?.lng : undefined,
    media_url: seesIssuePhotos(OPEN311_READER, issue) ? issue.photoUrls[0] : undefined,
  };
}

/** One history step as FixMyStreet's `request_update`: a fixed public description, never staff notes or names. */
export function updateRow(update: IssueEventRecord, issue: IssueRecord, timezone: string): Record<string, unknown> {
  const { status, description } = publicUpdate(update.action, !!issue.duplicateOf);
  return {
    update_id: `${issue.id}-${eventSequence(update)}`,
    service_request_id: issue.id,
    status,
    updated_datetime: inZone(update.at, timezone),
    description,
  };
}
