import {
  OPERATION_ROLES,
  attendee,
  checkPhotoUploader,
  checkReporter,
  requireActivityPlace,
  checkResidentRating,
  issuesTrackingCode,
  requireActivityWriter,
  requireOnSiteResolver,
  requireIssueHandler,
  requireOperation,
  residentTimelineStep,
  seesIssueDetails,
  seesIssuePhotos,
  seesIssueRelations,
  seesOfficerPhone,
  seesReporterContact,
  seesResolutionPhotos,
  type Operation,
} from '../../../functions/domain/access-rules';
import type { Caller, Role } from '../../../functions/domain/caller';
import { ROLES } from '../../../functions/domain/caller';
import { ApiError } from '../../../functions/shared/errors';

const staff = (role: Role, officerId?: string): Caller => ({ subject: `${role}-sub`, districtId: 'dingnan', roles: [role], ...(officerId ? { officerId } : {}) });
const admin = staff('ADMIN');
const supervisor = staff('SUPERVISOR');
const scheduler = staff('SCHEDULER');
const officer = staff('OFFICER', 'o-1');
const otherOfficer = staff('OFFICER', 'o-2');

/** The code a rule answers: OK, or the stable code of the error it throws. */
function outcome(rule: () => unknown): string {
  try {
    rule();
    return 'OK';
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

describe('operations by role', () => {
  const expected: Record<Operation, Role[]> = {
    editReferenceData: ['ADMIN'],
    editIssuePolicy: ['ADMIN'],
    editDutyPolicy: ['ADMIN'],
    superviseIssues: ['ADMIN', 'SUPERVISOR'],
    generateRoster: ['ADMIN', 'SCHEDULER'],
    publishRoster: ['ADMIN', 'SUPERVISOR'],
    computeCompliance: ['ADMIN', 'SUPERVISOR', 'SCHEDULER'],
    recordLeave: ['ADMIN', 'SUPERVISOR'],
    manageWebhooks: ['ADMIN'],
    verifyActivity: ['SUPERVISOR'],
    erasePersonalData: ['ADMIN'],
    readAuditTrail: ['ADMIN'],
    exportReports: ['ADMIN', 'SUPERVISOR', 'SCHEDULER'],
  };

  test('given the table of operations, when read, then it lists exactly the operations this test knows', () => {
    expect(Object.keys(OPERATION_ROLES).sort()).toEqual(Object.keys(expected).sort());
  });

  const cases = Object.entries(expected).flatMap(([operation, allowed]) =>
    ROLES.map((role) => [operation as Operation, role, allowed.includes(role) ? 'OK' : 'FORBIDDEN'] as const),
  );
  test.each(cases)('given a %s call by a %s token, when checked, then %s', (operation, role, answer) => {
    expect(outcome(() => requireOperation(staff(role), operation))).toBe(answer);
  });

  test.each(Object.keys(expected) as Operation[])('given no token, when %s is checked, then UNAUTHENTICATED', (operation) => {
    expect(outcome(() => requireOperation(undefined, operation))).toBe('UNAUTHENTICATED');
  });
});

describe('personal data', () => {
  const phoneCases: [string, Caller | undefined, boolean][] = [
    ['an ADMIN', admin, true],
    ['a SUPERVISOR', supervisor, true],
    ['the officer themself', officer, true],
    ['another officer', otherOfficer, false],
    ['a SCHEDULER', scheduler, false],
    ['an anonymous caller', undefined, false],
  ];
  test.each(phoneCases)("given %s, when officer o-1's phone is read, then seen is %s", (_who, caller, seen) => {
    expect(seesOfficerPhone(caller, { id: 'o-1' })).toBe(seen);
  });

  const readerCases: [string, Caller | undefined, boolean, { details: boolean; contact: boolean; relations: boolean; photosOfPeople: boolean; otherPhotos: boolean; afterPhotos: boolean }][] = [
    ['an ADMIN', admin, false, { details: true, contact: true, relations: true, photosOfPeople: true, otherPhotos: true, afterPhotos: true }],
    ['a SUPERVISOR', supervisor, false, { details: true, contact: true, relations: true, photosOfPeople: true, otherPhotos: true, afterPhotos: true }],
    ['an OFFICER', officer, false, { details: true, contact: false, relations: true, photosOfPeople: false, otherPhotos: true, afterPhotos: true }],
    ['a SCHEDULER', scheduler, false, { details: true, contact: false, relations: true, photosOfPeople: false, otherPhotos: true, afterPhotos: true }],
    ['the resident who reported it in this request', undefined, true, { details: true, contact: false, relations: false, photosOfPeople: true, otherPhotos: true, afterPhotos: true }],
    ['another anonymous caller', undefined, false, { details: false, contact: false, relations: false, photosOfPeople: false, otherPhotos: false, afterPhotos: false }],
  ];
  test.each(readerCases)('given %s, when an issue is read, then details, contact, relations and photos follow the table', (_who, caller, reportedItInThisRequest, seen) => {
    const reader = { caller, reportedItInThisRequest };
    expect({
      details: seesIssueDetails(reader),
      contact: seesReporterContact(caller),
      relations: seesIssueRelations(caller),
      photosOfPeople: seesIssuePhotos(reader, { photosShowPeople: true }),
      otherPhotos: seesIssuePhotos(reader, { photosShowPeople: false }),
      afterPhotos: seesResolutionPhotos(reader),
    }).toEqual(seen);
  });

  test('given the anonymous holder of a report\'s tracking code, when the report is tracked, then the after-photos are seen and the photos of people are not', () => {
    const reader = { reportedItInThisRequest: false, holdsTrackingCode: true };

    expect(seesResolutionPhotos(reader)).toBe(true);
    expect(seesIssuePhotos(reader, { photosShowPeople: true })).toBe(false);
    expect(seesReporterContact(undefined)).toBe(false);
  });
});

describe('issue handling and reporting', () => {
  test.each([
    ['an ADMIN', admin, 'OK'],
    ['a SUPERVISOR', supervisor, 'OK'],
    ['the assigned officer', officer, 'OK'],
    ['another officer', otherOfficer, 'FORBIDDEN'],
    ['a SCHEDULER', scheduler, 'FORBIDDEN'],
  ] as const)('given %s, when it handles an issue assigned to o-1, then %s', (_who, caller, answer) => {
    expect(outcome(() => requireIssueHandler(caller, { assigneeId: 'o-1' }))).toBe(answer);
  });

  test('given an officer token without an officer id, when it handles an unassigned issue, then FORBIDDEN', () => {
    expect(outcome(() => requireIssueHandler(staff('OFFICER'), {}))).toBe('FORBIDDEN');
  });

  test.each([
    ['anonymous, through a service code', undefined, { serviceCode: 'dingnan-ST01AV' }, 'OK'],
    ['anonymous, without a service code', undefined, {}, 'BAD_USER_INPUT'],
    ['anonymous, claiming a HOTLINE source', undefined, { serviceCode: 'dingnan-ST01AV', source: 'HOTLINE' as const }, 'BAD_USER_INPUT'],
    ['anonymous, resolved on the spot', undefined, { serviceCode: 'dingnan-ST01AV', resolvedOnSite: true }, 'BAD_USER_INPUT'],
    ['staff, without a source', officer, {}, 'BAD_USER_INPUT'],
    ['staff, a PATROL resolved on the spot', officer, { source: 'PATROL' as const, resolvedOnSite: true }, 'OK'],
    ['staff, a HOTLINE report resolved on the spot', officer, { source: 'HOTLINE' as const, resolvedOnSite: true }, 'BAD_USER_INPUT'],
    ['anonymous, citing 3 uploaded photos', undefined, { serviceCode: 'dingnan-ST01AV', photoKeys: ['a', 'b', 'c'] }, 'OK'],
    ['anonymous, citing 4 uploaded photos', undefined, { serviceCode: 'dingnan-ST01AV', photoKeys: ['a', 'b', 'c', 'd'] }, 'BAD_USER_INPUT'],
    ['anonymous, citing an external photo URL', undefined, { serviceCode: 'dingnan-ST01AV', photoUrls: ['https://img.example/1.jpg'] }, 'BAD_USER_INPUT'],
    ['staff, citing an external photo URL and 9 uploads', officer, { source: 'PATROL' as const, photoUrls: ['https://img.example/1.jpg'], photoKeys: Array(9).fill('k') }, 'OK'],
  ])('given a report %s, when the reporter is checked, then %s', (_what, caller, report, answer) => {
    expect(outcome(() => checkReporter(caller, report))).toBe(answer);
  });

  test.each([
    ['a resident with a service code, a before-photo', undefined, { serviceCode: 'dingnan-ST01AV', purpose: 'REPORT' as const }, 'OK'],
    ['a resident with a service code, an after-photo', undefined, { serviceCode: 'dingnan-ST01AV', purpose: 'RESOLUTION' as const }, 'BAD_USER_INPUT'],
    ['a resident without a service code', undefined, { purpose: 'REPORT' as const }, 'BAD_USER_INPUT'],
    ['an OFFICER, an after-photo', officer, { purpose: 'RESOLUTION' as const }, 'OK'],
    ['a SCHEDULER, a before-photo', scheduler, { purpose: 'REPORT' as const }, 'OK'],
  ])('given %s, when a photo upload is checked, then %s', (_who, caller, upload, answer) => {
    expect(outcome(() => checkPhotoUploader(caller, upload))).toBe(answer);
  });
});

describe('on-the-spot resolution', () => {
  const patrolling = { id: 'o-1', role: 'ENFORCEMENT' as const, active: true, stationId: 's-1' };
  test.each([
    ['an enforcement officer in their grid', officer, patrolling, { gridOfficerIds: ['o-1'] }, 'OK'],
    ['an enforcement officer at their station, outside any grid', officer, patrolling, { stationId: 's-1' }, 'OK'],
    ['an inspector in their grid', officer, { ...patrolling, role: 'INSPECTOR' as const }, { gridOfficerIds: ['o-1'] }, 'OK'],
    ['an enforcement officer in another station’s grid', officer, patrolling, { stationId: 's-2', gridOfficerIds: ['o-9'] }, 'FORBIDDEN'],
    ['a sanitation officer in their grid', officer, { ...patrolling, role: 'SANITATION' as const }, { gridOfficerIds: ['o-1'] }, 'FORBIDDEN'],
    ['an inactive officer', officer, { ...patrolling, active: false }, { gridOfficerIds: ['o-1'] }, 'FORBIDDEN'],
    ['a SCHEDULER', scheduler, undefined, { stationId: 's-1' }, 'FORBIDDEN'],
  ] as const)('given %s, when a report resolved on the spot is checked, then %s', (_who, caller, record, area, answer) => {
    expect(outcome(() => requireOnSiteResolver(caller, record, area))).toBe(answer);
  });
});

describe("residents' own reports (tracking codes)", () => {
  test.each([
    ['SERVICE_CODE', true],
    ['HOTLINE', true],
    ['WALK_IN', true],
    ['PATROL', false],
  ] as const)('given a %s report, when it is received, then it gets a tracking code: %s', (source, answer) => {
    expect(issuesTrackingCode(source)).toBe(answer);
  });

  test('given a step with its actor and staff note, when the reporter sees it, then only its time, kind, status and public note remain', () => {
    const step = { at: '2026-11-22T02:00:00Z', actor: 'sup-1', action: 'RESOLVE' as const, fromStatus: 'IN_PROGRESS' as const, toStatus: 'RESOLVED' as const, note: '内部', publicNote: '已处理' };

    expect(residentTimelineStep(step)).toEqual({ at: step.at, action: 'RESOLVE', toStatus: 'RESOLVED', publicNote: '已处理' });
  });

  test.each([
    ['RESOLVED, unrated', { status: 'RESOLVED', source: 'SERVICE_CODE' }, 'OK'],
    ['CLOSED, unrated', { status: 'CLOSED', source: 'HOTLINE' }, 'OK'],
    ['RESOLVED, rated', { status: 'RESOLVED', source: 'SERVICE_CODE', satisfaction: 'SATISFIED' }, 'CONFLICT'],
    ['IN_PROGRESS', { status: 'IN_PROGRESS', source: 'SERVICE_CODE' }, 'CONFLICT'],
    ['REJECTED', { status: 'REJECTED', source: 'SERVICE_CODE' }, 'CONFLICT'],
    ['a PATROL find, RESOLVED', { status: 'RESOLVED', source: 'PATROL' }, 'CONFLICT'],
  ] as const)('given a report %s, when its reporter rates it, then %s', (_what, issue, answer) => {
    expect(outcome(() => checkResidentRating(issue))).toBe(answer);
  });
});

describe('duty', () => {
  test.each([
    ['an ADMIN', admin, ['o-9'], 'OK'],
    ['a SUPERVISOR', supervisor, ['o-9'], 'OK'],
    ['an officer who took part', officer, ['o-1', 'o-9'], 'OK'],
    ['an officer who did not take part', officer, ['o-9'], 'FORBIDDEN'],
    ['a SCHEDULER', scheduler, ['o-9'], 'FORBIDDEN'],
    ['no token', undefined, ['o-9'], 'UNAUTHENTICATED'],
  ] as const)('given %s, when an activity of %j is recorded, then %s', (_who, caller, officerIds, answer) => {
    expect(outcome(() => requireActivityWriter(caller, officerIds))).toBe(answer);
  });

  test.each([
    ['a SUPERVISOR, anywhere', supervisor, 's-7', 'OK'],
    ['an officer, at their home station', officer, 's-3', 'OK'],
    ['an officer, at a station they are rostered at that day', officer, 's-5', 'OK'],
    ['an officer, at another station', officer, 's-7', 'FORBIDDEN'],
  ] as const)('given %s, when an activity at %s is recorded, then %s', async (_who, caller, stationId, answer) => {
    const places = async () => ({ homeStationId: 's-3', rosteredStationIds: ['s-5'] });
    const result = await requireActivityPlace(caller, { stationId, date: '2026-11-18' }, places).then(
      () => 'OK',
      (error: ApiError) => error.code,
    );
    expect(result).toBe(answer);
  });

  test.each([
    ['an officer for themself', officer, undefined, { officerId: 'o-1', onOwnToken: true }],
    ['an officer naming themself', officer, 'o-1', { officerId: 'o-1', onOwnToken: true }],
    ['a SUPERVISOR for an officer', supervisor, 'o-2', { officerId: 'o-2', onOwnToken: false }],
  ] as const)('given %s, when attendance is recorded, then it is recorded for the right officer', (_who, caller, named, expected) => {
    expect(attendee(caller, named)).toEqual(expected);
  });

  test.each([
    ['an officer naming someone else', officer, 'o-2', 'FORBIDDEN'],
    ['a SCHEDULER', scheduler, 'o-2', 'FORBIDDEN'],
    ['a SUPERVISOR naming nobody', supervisor, undefined, 'BAD_USER_INPUT'],
  ] as const)('given %s, when attendance is recorded, then %s', (_who, caller, named, answer) => {
    expect(outcome(() => attendee(caller, named))).toBe(answer);
  });
});
