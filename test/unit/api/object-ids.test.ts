import { resolvers } from '../../../functions/api/resolvers';
import type { RequestContext } from '../../../functions/api/context';
import { eventKey } from '../../../functions/store/issues/issue-keys';

// The ids of the objects that have no stored key of their own: a client's normalized cache keys
// by them, so each must name the object (the same object, the same id) and never its content.

type IdResolver = (parent: unknown, args: object, context: RequestContext, info: never) => unknown;
type FieldResolver = (parent: unknown, args: object, context: RequestContext, info: never) => Promise<unknown> | unknown;
const field = (type: string, name: string) => (resolvers as unknown as Record<string, Record<string, FieldResolver>>)[type]![name]!;
const idOf = (type: string, parent: unknown, context = contextOf('dingnan')) => (field(type, 'id') as IdResolver)(parent, {}, context, undefined as never);

function contextOf(districtId: string, complianceOfWeek?: (week: string) => Promise<unknown>): RequestContext {
  return {
    caller: { subject: 'admin', districtId, roles: ['ADMIN'] },
    loaders: () => ({ duty: { complianceOfWeek } }),
  } as unknown as RequestContext;
}

const rosterOf = (week: string, generation: string) => ({ header: { districtId: 'dingnan', week, generation, version: 3, status: 'DRAFT' }, shifts: [] });
const reportOf = (week: string) => ({
  header: { districtId: 'dingnan', week, generation: 'g1', version: 1 },
  stations: [{ stationId: 'dn-s-01' }, { stationId: 'dn-s-02' }],
  officers: [],
});

describe('ids of the district-wide objects', () => {
  test('given any version of the issue and duty policies, when their ids are read, then each is the caller’s district and the policy, unchanged by the content', () => {
    expect(idOf('IssuePolicy', { version: 0, duplicateRadiusMeters: 50 })).toBe('dingnan:issue-policy');
    expect(idOf('IssuePolicy', { version: 7, duplicateRadiusMeters: 80 })).toBe('dingnan:issue-policy');
    expect(idOf('DutyPolicy', { version: 2, minSessionsPerWeek: 2 })).toBe('dingnan:duty-policy');
    expect(idOf('DutyPolicy', { version: 2 }, contextOf('guiding'))).toBe('guiding:duty-policy');
  });

  test('given a week’s roster generated twice, when the ids are read, then both are the district and the week, and another week differs', () => {
    expect(idOf('Roster', rosterOf('2026-W48', 'aaaa'))).toBe('dingnan:2026-W48');
    expect(idOf('Roster', rosterOf('2026-W48', 'bbbb'))).toBe('dingnan:2026-W48');
    expect(idOf('Roster', rosterOf('2026-W49', 'aaaa'))).toBe('dingnan:2026-W49');
  });

  test('given a week’s compliance report, when its id and its stations’ ids are read, then the report is the week’s and each station’s entry is the report’s and the station', async () => {
    const report = reportOf('2026-W48');

    const stations = (await field('ComplianceReport', 'stations')(report, {}, contextOf('dingnan'), undefined as never)) as unknown[];

    expect(idOf('ComplianceReport', report)).toBe('dingnan:2026-W48:compliance');
    expect(stations.map((station) => idOf('StationCompliance', station))).toEqual([
      'dingnan:2026-W48:compliance:dn-s-01',
      'dingnan:2026-W48:compliance:dn-s-02',
    ]);
  });

  test('given a station’s compliance read through Station.compliance, when its id is read, then it is the id the report’s entry has (one cache entry for both paths)', async () => {
    const context = contextOf('dingnan', async () => reportOf('2026-W48'));

    const verdict = await field('Station', 'compliance')({ id: 'dn-s-02', districtId: 'dingnan' }, { week: '2026-W48' }, context, undefined as never);

    expect(idOf('StationCompliance', verdict)).toBe('dingnan:2026-W48:compliance:dn-s-02');
  });
});

describe('ids of the objects that belong to another', () => {
  test('given a check-in, when its id is read, then it is the shift’s id and the officer’s, whatever the times', () => {
    const attendance = { districtId: 'dingnan', week: '2026-W47', shiftId: '2026-11-18.EARLY.dn-s-01', officerId: 'dn-o-07', checkedInAt: '2026-11-18T00:00:00.000Z' };

    expect(idOf('Attendance', attendance)).toBe('2026-11-18.EARLY.dn-s-01:dn-o-07');
    expect(idOf('Attendance', { ...attendance, checkedOutAt: '2026-11-18T02:00:00.000Z' })).toBe('2026-11-18.EARLY.dn-s-01:dn-o-07');
  });

  test('given a leave copied into two week partitions, when the copies’ ids are read, then both are the officer and the days (one leave, one id)', () => {
    const copies = ['2026-W48', '2026-W49'].map((week) => ({
      PK: `D#dingnan#W#${week}`,
      SK: 'LEAVE#dn-o-07#2026-11-29#2026-12-01',
      districtId: 'dingnan',
      officerId: 'dn-o-07',
      from: '2026-11-29',
      to: '2026-12-01',
    }));

    expect(copies.map((copy) => idOf('Leave', copy))).toEqual(['dn-o-07:2026-11-29:2026-12-01', 'dn-o-07:2026-11-29:2026-12-01']);
  });

  test('given an issue’s history, when its events’ ids are read, then each is the issue and the step’s sequence number from its key', () => {
    const events = [1, 2, 12].map((sequence) => ({ ...eventKey('dingnan', 'issue-1', sequence), type: 'ISSUE_EVENT', issueId: 'issue-1', action: 'ASSIGN' }));

    expect(events.map((event) => idOf('IssueEvent', event))).toEqual(['issue-1:1', 'issue-1:2', 'issue-1:12']);
  });
});
