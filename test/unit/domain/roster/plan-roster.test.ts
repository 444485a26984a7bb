import { defaultDutyPolicy, type DutyPolicy } from '../../../../functions/domain/duty-policy';
import { planRoster } from '../../../../functions/domain/roster/plan-roster';
import type { RosterInput, RosterOfficer } from '../../../../functions/domain/roster/types';
import { districtFile } from '../../../support/seeded-district';
import { hardRuleViolations } from './roster-checks';

const WEEK = '2026-W48';

function officer(id: string, fields: Partial<RosterOfficer> = {}): RosterOfficer {
  return { id, role: 'ENFORCEMENT', partyMember: false, active: true, unavailableWeekdays: [], ...fields };
}

function district(officers: RosterOfficer[], policy: Partial<DutyPolicy> = {}, stations = ['a', 'b'], leave: RosterInput['leave'] = []): RosterInput {
  return {
    week: WEEK,
    timezone: 'Asia/Shanghai',
    policy: { ...defaultDutyPolicy, ...policy },
    stations: stations.map((id) => ({ id, active: true })),
    officers,
    leave,
  };
}

function dingnan(): RosterInput {
  const file = districtFile('dingnan');
  return {
    week: WEEK,
    timezone: file.timezone,
    policy: file.policy,
    stations: file.stations.map((station) => ({ id: station.id, active: true })),
    officers: file.officers.map((entry) => ({ ...entry, active: true })),
    leave: [],
  };
}

describe('roster planner', () => {
  test('given the Dingnan seed and the default policy, when next week is planned, then every station has 2 home-staffed sessions on different days and windows', () => {
    const input = dingnan();

    const plan = planRoster(input);

    expect(plan.unfilled).toEqual([]);
    expect(hardRuleViolations(input, plan)).toEqual([]);
    for (const station of input.stations) {
      const shifts = plan.shifts.filter((shift) => shift.stationId === station.id);
      expect(shifts).toHaveLength(2);
      expect(new Set(shifts.map((shift) => shift.date)).size).toBe(2);
      expect(new Set(shifts.map((shift) => shift.window)).size).toBe(2);
      expect(shifts.every((shift) => shift.borrowedOfficerIds.length === 0)).toBe(true);
    }
  });

  test('given the Dingnan seed, when planned, then sessions are at least two days apart and every shift has a party member', () => {
    const input = dingnan();
    const party = new Set(input.officers.filter((entry) => entry.partyMember).map((entry) => entry.id));

    const plan = planRoster(input);

    for (const station of input.stations) {
      const [first, second] = plan.shifts.filter((shift) => shift.stationId === station.id).map((shift) => Date.parse(shift.date));
      expect(Math.abs(second! - first!) / 86_400_000).toBeGreaterThanOrEqual(2);
    }
    expect(plan.shifts.every((shift) => shift.officerIds.some((id) => party.has(id)))).toBe(true);
  });

  test('given the same input twice, when planned, then the two rosters are byte-identical', () => {
    expect(JSON.stringify(planRoster(dingnan()))).toBe(JSON.stringify(planRoster(dingnan())));
  });

  test('given a station with no enforcement officer of its own, when planned, then it borrows from a station whose own sessions stay covered', () => {
    const input = district([
      officer('a1', { stationId: 'a' }),
      officer('a2', { stationId: 'a' }),
      officer('b1', { stationId: 'b', role: 'SANITATION' }),
    ]);

    const plan = planRoster(input);

    expect(plan.unfilled).toEqual([]);
    expect(plan.shifts.filter((shift) => shift.stationId === 'a').every((shift) => shift.borrowedOfficerIds.length === 0)).toBe(true);
    const borrowed = plan.shifts.filter((shift) => shift.stationId === 'b').flatMap((shift) => shift.borrowedOfficerIds);
    expect(borrowed.length).toBeGreaterThanOrEqual(2);
    expect(borrowed.every((id) => id === 'a1' || id === 'a2')).toBe(true);
    expect(hardRuleViolations(input, plan)).toEqual([]);
  });

  test('given officers on leave and resting on weekdays, when planned, then nobody is rostered on those days', () => {
    const input = district(
      [officer('a1', { stationId: 'a', unavailableWeekdays: ['MONDAY', 'TUESDAY', 'WEDNESDAY'] }), officer('a2', { stationId: 'a' })],
      {},
      ['a'],
      [{ officerId: 'a2', from: '2026-11-26', to: '2026-11-29' }],
    );

    const plan = planRoster(input);

    const a1Days = plan.shifts.filter((shift) => shift.officerIds.includes('a1')).map((shift) => shift.date);
    const a2Days = plan.shifts.filter((shift) => shift.officerIds.includes('a2')).map((shift) => shift.date);
    expect(a1Days.every((date) => date >= '2026-11-26')).toBe(true);
    expect(a2Days.every((date) => date <= '2026-11-25')).toBe(true);
    expect(plan.shifts).toHaveLength(2);
  });

  test('given inactive stations and officers, when planned, then inactive stations get no sessions and inactive officers no shifts', () => {
    const input = district([officer('a1', { stationId: 'a' }), officer('a2', { stationId: 'a', active: false })]);
    input.stations = [
      { id: 'a', active: true },
      { id: 'b', active: false },
    ];

    const plan = planRoster(input);

    expect(plan.shifts.every((shift) => shift.stationId === 'a')).toBe(true);
    expect(plan.shifts.flatMap((shift) => shift.officerIds)).not.toContain('a2');
    expect(plan.unfilled).toEqual([]);
  });

  test('given four enforcement officers and four sessions, when planned, then each officer gets one shift and the spread is zero', () => {
    const input = district(['a1', 'a2', 'a3', 'a4'].map((id) => officer(id, { stationId: 'a' })), { minSessionsPerWeek: 4 }, ['a']);

    const plan = planRoster(input);

    expect(plan.shifts.map((shift) => shift.officerIds).flat().sort()).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(plan.fairness).toEqual({ maxSpreadMinutes: 0, stations: [{ stationId: 'a', minMinutes: 240, maxMinutes: 240 }] });
  });

  describe('unfilled demand', () => {
    test('given no enforcement officer in the district, when planned, then each session is unfilled with NO_ENFORCEMENT_OFFICERS on its spread-out day', () => {
      const plan = planRoster(district([officer('a1', { stationId: 'a', role: 'VOLUNTEER' })], {}, ['a']));

      expect(plan.shifts).toEqual([]);
      expect(plan.unfilled).toEqual([
        { stationId: 'a', date: '2026-11-23', reason: 'NO_ENFORCEMENT_OFFICERS' },
        { stationId: 'a', date: '2026-11-27', reason: 'NO_ENFORCEMENT_OFFICERS' },
      ]);
    });

    test('given the only enforcement officer on leave all week, when planned, then ENFORCEMENT_UNAVAILABLE', () => {
      const plan = planRoster(district([officer('a1', { stationId: 'a' })], {}, ['a'], [{ officerId: 'a1', from: '2026-11-20', to: '2026-12-01' }]));

      expect(plan.unfilled.map((demand) => demand.reason)).toEqual(['ENFORCEMENT_UNAVAILABLE', 'ENFORCEMENT_UNAVAILABLE']);
    });

    test('given an officer whose cap allows one shift, when two sessions are needed, then one is filled and one is WEEKLY_CAP_REACHED', () => {
      const plan = planRoster(district([officer('a1', { stationId: 'a', maxWeeklyDutyMinutes: 300 })], {}, ['a']));

      expect(plan.shifts).toHaveLength(1);
      expect(plan.unfilled).toEqual([{ stationId: 'a', date: expect.any(String), reason: 'WEEKLY_CAP_REACHED' }]);
    });

    test('given one officer free on one day only for two stations, when planned, then the second station is ENFORCEMENT_FULLY_BOOKED', () => {
      const restDays = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;
      const plan = planRoster(district([officer('x', { unavailableWeekdays: [...restDays] })], { minSessionsPerWeek: 1 }));

      expect(plan.shifts).toHaveLength(1);
      expect(plan.unfilled).toEqual([{ stationId: 'b', date: expect.any(String), reason: 'ENFORCEMENT_FULLY_BOOKED' }]);
    });

    test('given 9 sessions on distinct days, when planned, then 7 are placed and 2 are MORE_SESSIONS_THAN_DAYS', () => {
      const officers = ['a1', 'a2', 'a3'].map((id) => officer(id, { stationId: 'a' }));

      const plan = planRoster(district(officers, { minSessionsPerWeek: 9 }, ['a']));

      expect(plan.shifts).toHaveLength(7);
      expect(plan.unfilled.map((demand) => demand.reason)).toEqual(['MORE_SESSIONS_THAN_DAYS', 'MORE_SESSIONS_THAN_DAYS']);
    });

    test('given windows shorter than a session, when planned, then every session is NO_WINDOW_LONG_ENOUGH', () => {
      const plan = planRoster(district([officer('a1', { stationId: 'a' })], { minSessionMinutes: 300 }, ['a']));

      expect(plan.shifts).toEqual([]);
      expect(plan.unfilled.map((demand) => demand.reason)).toEqual(['NO_WINDOW_LONG_ENOUGH', 'NO_WINDOW_LONG_ENOUGH']);
    });

    test('given two enforcement officers required and one available, when planned, then NOT_ENOUGH_ENFORCEMENT', () => {
      const plan = planRoster(district([officer('a1', { stationId: 'a' })], { minEnforcementPerSession: 2 }, ['a']));

      expect(plan.shifts).toEqual([]);
      expect(plan.unfilled.map((demand) => demand.reason)).toEqual(['NOT_ENOUGH_ENFORCEMENT', 'NOT_ENOUGH_ENFORCEMENT']);
    });
  });
});
