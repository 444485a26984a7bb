import type { IssueAction } from '../../domain/issues/workflow';
import type { IssueCategory, IssuePriority, IssueSource, IssueStatus, Satisfaction } from '../../domain/vocabulary';
import type { ItemKey } from '../keys';

/** An issue as stored: its partition also holds its history events. Times are UTC ISO strings. */
export interface IssueRecord extends ItemKey {
  type: 'ISSUE';
  districtId: string;
  id: string;
  title: string;
  description: string;
  category: IssueCategory;
  source: IssueSource;
  priority: IssuePriority;
  status: IssueStatus;
  location?: { lat: number; lng: number };
  address?: string;
  /** External photo URLs a staff caller gave (residents cannot); read back as given. */
  photoUrls: string[];
  /** The report's uploaded photos (domain/photos/photo-keys.ts), read back through short-lived presigned URLs. */
  photoKeys?: string[];
  /** The officer's after-photos, cited by the latest resolution. */
  resolutionPhotoKeys?: string[];
  photosShowPeople: boolean;
  reporterContact?: string;
  gridId?: string;
  stationId?: string;
  assigneeId?: string;
  routingNote?: string;
  reportedAt: string;
  /** District-local date of the report: the statistics bucket the issue counts in. */
  reportedDay: string;
  dispatchDueAt: string;
  dueAt: string;
  dispatchedAt?: string;
  resolvedAt?: string;
  firstResolvedAt?: string;
  closedAt?: string;
  firstClosedAt?: string;
  resolvedOnSite: boolean;
  transferredTo?: string;
  duplicateOf?: string;
  confirmations: number;
  reopenCount: number;
  satisfaction?: Satisfaction;
  /** The 12345 hotline's ticket number of a referral; unique in the district (a claim item). */
  hotlineTicket?: string;
  /** Set when the reporter rated the resolved issue themselves (rateIssue); absent for the staff's follow-up call. */
  ratedBy?: 'RESIDENT';
  ratedAt?: string;
  /** What the reporter wrote with their rating. */
  ratingComment?: string;
  /** Number of history events written; the next event's sequence number is this plus one. */
  eventCount: number;
  version: number;
}

export interface IssueEventRecord extends ItemKey {
  type: 'ISSUE_EVENT';
  issueId: string;
  at: string;
  actor: string;
  action: IssueAction;
  fromStatus?: IssueStatus;
  toStatus: IssueStatus;
  note?: string;
  /** The officer's note for the reporter, shown on their status page (`note` is for staff only). */
  publicNote?: string;
}

/** What a step may set or clear on the issue item; everything else is fixed at report time. */
export const STEP_FIELDS = [
  'status',
  'assigneeId',
  'dispatchedAt',
  'resolvedAt',
  'firstResolvedAt',
  'closedAt',
  'firstClosedAt',
  'resolvedOnSite',
  'transferredTo',
  'duplicateOf',
  'reopenCount',
  'satisfaction',
  'resolutionPhotoKeys',
] as const;

/** The fields a step changes. */
export type IssueChanges = Partial<Pick<IssueRecord, (typeof STEP_FIELDS)[number]>>;
