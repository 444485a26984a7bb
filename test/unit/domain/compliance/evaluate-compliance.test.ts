import { defaultDutyPolicy } from '../../../../functions/domain/duty-policy';
import { evaluateCompliance } from '../../../../functions/domain/compliance/evaluate-compliance';
import type { ComplianceInput, ServiceActivity } from '../../../../functions/domain/compliance/types';

const OFFICERS = [
  { id: 'chief', role: 'AREA_CHIEF' as const },
  { id: 'enforcer', role: 'ENFORCEMENT' as const },
  { id: 'sweeper', role: 'SANITATION' as const },
];

let sequence = 0;
/** A session a supervisor has verified: its officers' presence is shown. */
function session(date: string, from: string, to: string, officerIds: string[], stationId = 'xingfuli'): ServiceActivity {
  return { ...unverified(date, from, to, officerIds, stationId), verifiedAt: `${date}T20:00:00+08:00` };
}

/** A session as an officer recorded it, with no verification. */
function unverified(date: string, from: string, to: string, officerIds: string[], stationId = 'xingfuli'): ServiceActivity {
  sequence += 1;
  return { id: `act-${sequence}`, kind: 'SERVICE_SESSION', stationId, startsAt: `${date}T${from}:00+08:00`, endsAt: `${date}T${to}:00+08:00`, officerIds };
}

function week(fields: Partial<ComplianceInput>): ComplianceInput {
  return {
    week: '2026-W47',
    timezone: 'Asia/Shanghai',
    policy: defaultDutyPolicy,
    evaluatedAt: '2026-11-23T02:00:00+08:00',
    stations: [{ id: 'xingfuli' }],
    officers: OFFICERS,
    activities: [],
    shifts: [],
    attendance: [],
    ...fields,
  };
}

const onlyStation = (input: ComplianceInput) => evaluateCompliance(input).stations[0]!;

describe("Xi'an's rule: two sessions a week, two hours each, with an enforcement officer", () => {
  test('given sessions of 150 and 90 minutes with an enforcement officer, when evaluated, then non-compliant with the 90-minute reason', () => {
    const verdict = onlyStation(
      week({ activities: [session('2026-11-17', '09:00', '11:30', ['enforcer']), session('2026-11-18', '14:00', '15:30', ['enforcer'])] }),
    );

    expect(verdict).toMatchObject({ compliant: false, qualifyingSessions: 1, requiredSessions: 2, serviceMinutes: 240 });
    expect(verdict.reasons).toEqual(['1 of 2 required sessions held', '2026-11-18: 90 min, under 120']);
  });

  test('given two 120-minute sessions with an enforcement officer on different days, when evaluated, then compliant with no reasons', () => {
    const verdict = onlyStation(
      week({ activities: [session('2026-11-17', '09:00', '11:00', ['chief']), session('2026-11-20', '16:00', '18:00', ['enforcer', 'sweeper'])] }),
    );

    expect(verdict).toMatchObject({ compliant: true, qualifyingSessions: 2, reasons: [] });
  });

  test('given a 3-hour session with only a sanitation officer, when evaluated, then it does not qualify and the reason names the missing enforcement officer', () => {
    const verdict = onlyStation(
      week({ activities: [session('2026-11-17', '09:00', '11:00', ['chief']), session('2026-11-19', '09:00', '12:00', ['sweeper'])] }),
    );

    expect(verdict.sessions.map((entry) => [entry.minutes, entry.qualifies])).toEqual([
      [120, true],
      [180, false],
    ]);
    expect(verdict.reasons).toEqual(['1 of 2 required sessions held', '2026-11-19: no enforcement officer present']);
  });
});

describe('service sessions count only with presence shown', () => {
  test('given two unverified sessions without check-ins, when evaluated, then none counts, both are pending and the reasons say so', () => {
    const verdict = onlyStation(
      week({ activities: [unverified('2026-11-17', '09:00', '11:30', ['enforcer']), unverified('2026-11-19', '14:00', '16:30', ['chief'])] }),
    );

    expect(verdict).toMatchObject({ compliant: false, qualifyingSessions: 0, sessions: [] });
    expect(verdict.pendingSessions!.map((pending) => [pending.date, pending.minutes, pending.officerIds])).toEqual([
      ['2026-11-17', 150, ['enforcer']],
      ['2026-11-19', 150, ['chief']],
    ]);
    expect(verdict.reasons).toEqual([
      '0 of 2 required sessions held',
      '2026-11-17: the session 09:00–11:30 is pending verification and not counted',
      '2026-11-19: the session 14:00–16:30 is pending verification and not counted',
    ]);
  });

  test('given an unverified session naming an officer whose check-in at the station covers it and one who was not there, when evaluated, then only the first counts', () => {
    const shift = { id: '2026-11-18.EARLY.xingfuli', stationId: 'xingfuli', date: '2026-11-18', startsAt: '2026-11-18T08:00:00+08:00', endsAt: '2026-11-18T12:00:00+08:00', officerIds: ['sweeper'] };
    const verdict = onlyStation(
      week({
        activities: [unverified('2026-11-18', '09:00', '11:00', ['sweeper', 'enforcer'])],
        shifts: [shift],
        // Checked in, not yet out: the shift's end bounds the presence.
        attendance: [{ shiftId: shift.id, officerId: 'sweeper', checkedInAt: '2026-11-18T08:05:00+08:00' }],
      }),
    );

    expect(verdict.sessions).toHaveLength(1);
    expect(verdict.sessions[0]).toMatchObject({ officerIds: ['sweeper'], enforcementOfficerIds: [], qualifies: false });
    expect(verdict.pendingSessions).toEqual([expect.objectContaining({ officerIds: ['enforcer'] })]);
  });

  test('given a check-in at another station, when an unverified session names that officer, then the check-in is no evidence', () => {
    const shift = { id: '2026-11-18.EARLY.yanhe', stationId: 'yanhe', date: '2026-11-18', startsAt: '2026-11-18T08:00:00+08:00', endsAt: '2026-11-18T12:00:00+08:00', officerIds: ['enforcer'] };
    const verdict = onlyStation(
      week({
        activities: [unverified('2026-11-18', '09:00', '11:00', ['enforcer'])],
        shifts: [shift],
        attendance: [{ shiftId: shift.id, officerId: 'enforcer', checkedInAt: '2026-11-18T08:00:00+08:00', checkedOutAt: '2026-11-18T12:00:00+08:00' }],
      }),
    );

    expect(verdict.sessions).toEqual([]);
    expect(verdict.pendingSessions).toHaveLength(1);
  });

  test('given the same sessions verified by a supervisor, when evaluated, then they count and nothing is pending', () => {
    const verdict = onlyStation(
      week({ activities: [session('2026-11-17', '09:00', '11:30', ['enforcer']), session('2026-11-19', '14:00', '16:30', ['chief'])] }),
    );

    expect(verdict).toMatchObject({ compliant: true, qualifyingSessions: 2, pendingSessions: [], reasons: [] });
  });
});

describe('compliance evaluation', () => {
  test('given two qualifying sessions on the same day, when days must be distinct, then they count once and the reason says so', () => {
    const verdict = onlyStation(
      week({ activities: [session('2026-11-17', '08:00', '10:00', ['chief']), session('2026-11-17', '15:00', '17:00', ['chief'])] }),
    );

    expect(verdict.qualifyingSessions).toBe(1);
    expect(verdict.reasons).toEqual([
      '1 of 2 required sessions held',
      '2026-11-17: another qualifying session that day already counted; sessions must be on distinct days',
    ]);
  });

  test('given the same two sessions and a policy that allows one day, when evaluated, then compliant', () => {
    const verdict = onlyStation(
      week({
        policy: { ...defaultDutyPolicy, sessionsOnDistinctDays: false },
        activities: [session('2026-11-17', '08:00', '10:00', ['chief']), session('2026-11-17', '15:00', '17:00', ['chief'])],
      }),
    );

    expect(verdict.compliant).toBe(true);
  });

  test('given an activity and an attended shift that overlap at one station, when evaluated, then they merge into one session with both officers', () => {
    const shift = { id: '2026-11-18.EARLY.xingfuli', stationId: 'xingfuli', date: '2026-11-18', startsAt: '2026-11-18T08:00:00+08:00', endsAt: '2026-11-18T12:00:00+08:00', officerIds: ['enforcer'] };
    const verdict = onlyStation(
      week({
        activities: [session('2026-11-18', '07:00', '08:30', ['sweeper'])],
        shifts: [shift],
        attendance: [{ shiftId: shift.id, officerId: 'enforcer', checkedInAt: '2026-11-18T08:10:00+08:00', checkedOutAt: '2026-11-18T09:30:00+08:00' }],
      }),
    );

    expect(verdict.sessions).toHaveLength(1);
    expect(verdict.sessions[0]).toMatchObject({
      startsAt: '2026-11-18T07:00:00+08:00',
      endsAt: '2026-11-18T09:30:00+08:00',
      minutes: 150,
      officerIds: ['enforcer', 'sweeper'],
      enforcementOfficerIds: ['enforcer'],
      qualifies: true,
      shiftIds: [shift.id],
    });
  });

  test('given sessions at two stations at the same time, when evaluated, then they stay separate', () => {
    const result = evaluateCompliance(
      week({
        stations: [{ id: 'xingfuli' }, { id: 'yanhe' }],
        activities: [session('2026-11-18', '09:00', '11:00', ['chief']), session('2026-11-18', '09:00', '11:00', ['enforcer'], 'yanhe')],
      }),
    );

    expect(result.stations.map((verdict) => verdict.sessions.length)).toEqual([1, 1]);
    expect(result).toMatchObject({ stationCount: 2, compliantCount: 0, complianceRate: 0 });
  });

  test('given activities that are not service sessions, or in another week, when evaluated, then they do not count', () => {
    const publicity = { ...session('2026-11-18', '09:00', '12:00', ['chief']), kind: 'PUBLICITY' };
    const verdict = onlyStation(week({ activities: [publicity, session('2026-11-24', '09:00', '12:00', ['chief'])] }));

    expect(verdict.sessions).toEqual([]);
    expect(verdict.reasons).toEqual(['0 of 2 required sessions held', 'no service session or attended shift this week']);
  });

  test('given rostered shifts with and without check-ins, when evaluated, then each officer shows rostered and attended minutes and no-shows', () => {
    const shifts = [
      { id: 's1', stationId: 'xingfuli', date: '2026-11-17', startsAt: '2026-11-17T08:00:00+08:00', endsAt: '2026-11-17T12:00:00+08:00', officerIds: ['chief', 'sweeper'] },
      { id: 's2', stationId: 'xingfuli', date: '2026-11-20', startsAt: '2026-11-20T12:00:00+08:00', endsAt: '2026-11-20T16:00:00+08:00', officerIds: ['chief'] },
    ];
    const result = evaluateCompliance(
      week({
        shifts,
        attendance: [{ shiftId: 's1', officerId: 'chief', checkedInAt: '2026-11-17T08:05:00+08:00', checkedOutAt: '2026-11-17T11:05:00+08:00' }],
      }),
    );

    expect(result.officers).toEqual([
      { officerId: 'chief', rosteredShifts: 2, rosteredMinutes: 480, attendedShifts: 1, attendedMinutes: 180, noShows: 1 },
      { officerId: 'sweeper', rosteredShifts: 1, rosteredMinutes: 240, attendedShifts: 0, attendedMinutes: 0, noShows: 1 },
    ]);
  });

  test('given a shift that has not ended yet, when evaluated mid-week, then its missing check-in is not a no-show', () => {
    const shift = { id: 's1', stationId: 'xingfuli', date: '2026-11-20', startsAt: '2026-11-20T08:00:00+08:00', endsAt: '2026-11-20T12:00:00+08:00', officerIds: ['chief'] };

    const result = evaluateCompliance(week({ shifts: [shift], evaluatedAt: '2026-11-19T10:00:00+08:00' }));

    expect(result.officers[0]!.noShows).toBe(0);
  });

  test('given no stations, when evaluated, then the rate is null rather than a division by zero', () => {
    expect(evaluateCompliance(week({ stations: [] })).complianceRate).toBeNull();
  });
});
