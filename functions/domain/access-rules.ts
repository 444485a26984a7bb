import { BadUserInputError, ConflictError, ForbiddenError } from '../shared/errors';
import { hasRole, requireCaller, requireRole, type Caller, type Role } from './caller';
import type { IssueAction } from './issues/workflow';
import type { PhotoPurpose } from './photos/photo-keys';
import { PATROLLING_ROLES, type IssueSource, type IssueStatus, type OfficerRole } from './vocabulary';

/**
 * Who may do what, and who sees which personal data: every access rule of the API, in one place.
 * Pure functions of the caller and the record; the use cases and resolvers call them, and
 * test/unit/domain/access-rules.test.ts holds them as tables. Every rule is scoped to the
 * caller's district before it runs: keys are built from the token's district, so another
 * district's records are never read.
 */

/** The staff roles each restricted operation needs. Reading needs any staff token of the district. */
export const OPERATION_ROLES = {
  /** Create, update and deactivate stations, grids and officers. */
  editReferenceData: ['ADMIN'],
  editIssuePolicy: ['ADMIN'],
  editDutyPolicy: ['ADMIN'],
  /** Dispatch, close, reopen and reject issues. */
  superviseIssues: ['ADMIN', 'SUPERVISOR'],
  generateRoster: ['ADMIN', 'SCHEDULER'],
  publishRoster: ['ADMIN', 'SUPERVISOR'],
  computeCompliance: ['ADMIN', 'SUPERVISOR', 'SCHEDULER'],
  recordLeave: ['ADMIN', 'SUPERVISOR'],
  /** Register, rotate, disable and enable webhook endpoints; read and replay their dead letters. */
  manageWebhooks: ['ADMIN'],
  /** Confirm that a service session's officers were there (supervisor verification). */
  verifyActivity: ['SUPERVISOR'],
  /** Erase a reporter's data at once (a person's request), and read the audit trail. */
  erasePersonalData: ['ADMIN'],
  readAuditTrail: ['ADMIN'],
  /**
   * Download the compliance report, the roster or the issue KPIs as a file (`GET /exports/…`):
   * the roles that file reports. Reading them in the API needs any staff token, but a file leaves
   * the API's checks with the officers' names and attendance in it, so fewer roles make one.
   */
  exportReports: ['ADMIN', 'SUPERVISOR', 'SCHEDULER'],
} as const satisfies Record<string, readonly Role[]>;

export type Operation = keyof typeof OPERATION_ROLES;

/** The caller, if it may run `operation`: UNAUTHENTICATED without a token, FORBIDDEN with the wrong role. */
export function requireOperation(caller: Caller | undefined, operation: Operation): Caller {
  return requireRole(caller, ...OPERATION_ROLES[operation]);
}

// ── Personal data ──────────────────────────────────────────────────────────────────────────

const supervising = (caller: Caller | undefined): boolean => hasRole(caller, 'ADMIN', 'SUPERVISOR');

/** Phones are personal data: ADMIN and SUPERVISOR see them, and an officer sees their own. */
export const seesOfficerPhone = (caller: Caller | undefined, officer: { id: string }): boolean =>
  supervising(caller) || (!!caller && caller.officerId === officer.id);

/** Who reads an issue: a staff caller, or the anonymous resident who reported it in this very request or holds its tracking code. */
export interface IssueReader {
  caller?: Caller;
  reportedItInThisRequest: boolean;
  /** The reader proved to be the reporter with the report's tracking code (trackIssue, rateIssue). */
  holdsTrackingCode?: boolean;
}

/**
 * What the reporter wrote and what handling revealed (title, description, location, address,
 * routing note, the department it went to, the rating): staff, and the resident who reported it
 * in this very request. Any other anonymous reader sees the category and status, and the case's
 * times and counts; the title they see is the category's name (a title defaults to the start of
 * the description, so it is the reporter's words).
 */
export const seesIssueDetails = (reader: IssueReader): boolean => !!reader.caller || reader.reportedItInThisRequest;

/** The reporter's contact: ADMIN and SUPERVISOR only. */
export const seesReporterContact = (caller: Caller | undefined): boolean => supervising(caller);

/** Photos: staff see those not marked as showing people, supervisors all; a resident those of their own report. */
export function seesIssuePhotos(reader: IssueReader, issue: { photosShowPeople: boolean }): boolean {
  if (!reader.caller) return reader.reportedItInThisRequest;
  return !issue.photosShowPeople || supervising(reader.caller);
}

/**
 * Which answered fields are reads of personal data, and so leave an audit record: an officer's
 * phone, a reporter's contact, and the photos of an issue marked as showing people. Answers the
 * kind of data read, or undefined for any other field (or an empty answer: nothing was revealed).
 */
export function personalDataRead(typeName: string, fieldName: string, parent: unknown, answer: unknown): 'OFFICER_PHONE' | 'REPORTER_CONTACT' | 'PHOTOS_OF_PEOPLE' | undefined {
  if (answer === null || answer === undefined || (Array.isArray(answer) && answer.length === 0)) return undefined;
  if (typeName === 'Officer' && fieldName === 'phone') return 'OFFICER_PHONE';
  if (typeName === 'Issue' && fieldName === 'reporterContact') return 'REPORTER_CONTACT';
  if (typeName === 'Issue' && fieldName === 'photoUrls' && (parent as { photosShowPeople?: boolean }).photosShowPeople) return 'PHOTOS_OF_PEOPLE';
  return undefined;
}

/** Every write by an ADMIN token leaves an audit record (whatever else the token's roles allow). */
export const auditsWritesOf = (caller: Caller | undefined): boolean => hasRole(caller, 'ADMIN');
/** The officer's after-photos: staff, and the resident who reported the issue (never other anonymous readers). */
export const seesResolutionPhotos = (reader: IssueReader): boolean => !!reader.caller || reader.reportedItInThisRequest || !!reader.holdsTrackingCode;

/** Where an issue sits (grid, station, assignee, duplicate) and its history: staff only. */
export const seesIssueRelations = (caller: Caller | undefined): boolean => !!caller;

// ── Issues ─────────────────────────────────────────────────────────────────────────────────

/** Handling steps (start, resolve, transfer) belong to the officer the issue is dispatched to, or to a supervisor. */
export function requireIssueHandler(caller: Caller, issue: { assigneeId?: string }): void {
  if (supervising(caller)) return;
  if (hasRole(caller, 'OFFICER') && caller.officerId && caller.officerId === issue.assigneeId) return;
  throw new ForbiddenError('Only the assigned officer, a SUPERVISOR or an ADMIN can handle this issue');
}

/** Photos a resident may attach to one report: uploaded ones only (no links to elsewhere), at most this many. */
export const MAX_ANONYMOUS_REPORT_PHOTOS = 3;

/**
 * Who may report what: residents only through a service code, with photos they uploaded (an
 * external URL would have staff browsers load whatever a stranger links: tracking pixels);
 * patrols alone resolve on the spot.
 */
export function checkReporter(
  caller: Caller | undefined,
  report: { serviceCode?: string; source?: IssueSource; resolvedOnSite?: boolean; photoUrls?: string[]; photoKeys?: string[] },
): void {
  if (!caller) {
    if (!report.serviceCode) throw BadUserInputError.of('input.serviceCode', 'is required to report without a token');
    if (report.source && report.source !== 'SERVICE_CODE') throw BadUserInputError.of('input.source', 'must be SERVICE_CODE without a token');
    if (report.resolvedOnSite) throw BadUserInputError.of('input.resolvedOnSite', 'needs a staff token');
    if (report.photoUrls?.length) throw BadUserInputError.of('input.photoUrls', 'needs a staff token: upload the photos and cite their photoKeys');
    if ((report.photoKeys?.length ?? 0) > MAX_ANONYMOUS_REPORT_PHOTOS) throw BadUserInputError.of('input.photoKeys', 'at most 3 photos without a token');
    return;
  }
  if (!report.source) throw BadUserInputError.of('input.source', 'is required with a staff token');
  if (report.resolvedOnSite && report.source !== 'PATROL') throw BadUserInputError.of('input.resolvedOnSite', 'only a PATROL report can be resolved on the spot');
}

/** Where a report was routed, as the on-the-spot rule reads it. */
export interface PatrolArea {
  stationId?: string;
  /** The grid's leader and members, when the report fell in a grid. */
  gridOfficerIds?: readonly string[];
}

/**
 * On-the-spot resolution (当场处理率) is taken only from an officer on patrol: the officer's own
 * token, a role that patrols, and a report in one of their grids or at their station. FORBIDDEN
 * otherwise, so the published rate counts only patrols.
 */
export function requireOnSiteResolver(caller: Caller, officer: { id: string; role: OfficerRole; active: boolean; stationId?: string } | undefined, area: PatrolArea): void {
  if (!caller.officerId || !officer?.active) throw new ForbiddenError('Only an officer on patrol can resolve a report on the spot, with their own officer token');
  if (!PATROLLING_ROLES.includes(officer.role)) throw new ForbiddenError(`Only an officer on patrol can resolve a report on the spot; ${officer.role} officers do not patrol`);
  const inOwnGrid = area.gridOfficerIds?.includes(officer.id) ?? false;
  const atOwnStation = !!officer.stationId && officer.stationId === area.stationId;
  if (!inOwnGrid && !atOwnStation) throw new ForbiddenError('Only an officer on patrol can resolve a report on the spot, in their own grid or at their own station');
}

// ── Photos ─────────────────────────────────────────────────────────────────────────────────

/** Who may upload a photo: staff for a report or a resolution; a resident, through a service code, for a report only. */
export function checkPhotoUploader(caller: Caller | undefined, upload: { serviceCode?: string; purpose: PhotoPurpose }): void {
  if (caller) return;
  if (!upload.serviceCode) throw BadUserInputError.of('input.serviceCode', 'is required to upload without a token');
  if (upload.purpose !== 'REPORT') throw BadUserInputError.of('input.purpose', 'must be REPORT without a token');
}

// ── Residents' own reports (tracking codes) ───────────────────────────────────────────────

/**
 * Which reports get a tracking code: every resident's report (any source but PATROL), whether
 * the resident sent it or staff took it down for them; a patrol's find has nobody to follow it.
 */
export const issuesTrackingCode = (source: IssueSource): boolean => source !== 'PATROL';

/**
 * What the holder of a tracking code sees of one step of their report: when, the status it led
 * to, what kind of step it was, and the note the officer wrote for the reporter. Never who did
 * it (`actor`) nor the notes staff write for each other (`note`).
 */
export function residentTimelineStep(event: { at: string; action: IssueAction; toStatus: IssueStatus; publicNote?: string }) {
  return { at: event.at, action: event.action, toStatus: event.toStatus, publicNote: event.publicNote };
}

type Ratable = { status: IssueStatus; source: IssueSource; satisfaction?: string };

/** The reporter rates their report once, after it is resolved, unless staff already recorded the follow-up call's answer. */
export const residentMayRate = (issue: Ratable): boolean =>
  issue.source !== 'PATROL' && !issue.satisfaction && (issue.status === 'RESOLVED' || issue.status === 'CLOSED');

/** residentMayRate, as the CONFLICT that says why not. */
export function checkResidentRating(issue: Ratable): void {
  if (residentMayRate(issue)) return;
  throw new ConflictError(issue.satisfaction ? 'This report has already been rated' : 'A report can be rated once it is resolved');
}

// ── Duty ───────────────────────────────────────────────────────────────────────────────────

/**
 * Activities are recorded by ADMIN or SUPERVISOR, or by an OFFICER for an activity they took
 * part in (their own token names them). Anyone else: FORBIDDEN.
 */
export function requireActivityWriter(caller: Caller | undefined, officerIds: readonly string[]): Caller {
  const known = requireCaller(caller);
  if (supervising(known)) return known;
  if (hasRole(known, 'OFFICER') && known.officerId && officerIds.includes(known.officerId)) return known;
  throw new ForbiddenError('Recording an activity needs ADMIN or SUPERVISOR, or an officer who took part in it');
}

/** Where an officer may serve on a day: their home station and the stations they are rostered at that day. */
export interface OfficerPlaces {
  homeStationId?: string;
  rosteredStationIds: readonly string[];
}

/**
 * An OFFICER records an activity only at their home station or a station they are rostered at
 * that day (FORBIDDEN otherwise); ADMIN and SUPERVISOR anywhere in the district. `places` is
 * read only for officers, so the call takes a loader.
 */
export async function requireActivityPlace(caller: Caller, activity: { stationId?: string; date: string }, places: () => Promise<OfficerPlaces>): Promise<void> {
  if (supervising(caller) || !activity.stationId) return;
  const { homeStationId, rosteredStationIds } = await places();
  if (activity.stationId === homeStationId || rosteredStationIds.includes(activity.stationId)) return;
  throw new ForbiddenError(`An officer records activities at their home station or a station they are rostered at that day, not at ${activity.stationId} on ${activity.date}`);
}

/**
 * Whose attendance a call records: a SUPERVISOR names the officer; an officer's own token
 * records its own (naming someone else is FORBIDDEN); nobody else may.
 */
export function attendee(caller: Caller, named: string | undefined): { officerId: string; onOwnToken: boolean } {
  if (hasRole(caller, 'SUPERVISOR')) {
    const officerId = named ?? caller.officerId;
    if (!officerId) throw BadUserInputError.of('officerId', 'name the officer to check in or out');
    return { officerId, onOwnToken: officerId === caller.officerId };
  }
  if (caller.officerId && (named === undefined || named === caller.officerId)) return { officerId: caller.officerId, onOwnToken: true };
  throw new ForbiddenError('Officers check themselves in and out; a SUPERVISOR may do it for them');
}
