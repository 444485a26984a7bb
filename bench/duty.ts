import { performance } from 'node:perf_hooks';
import { evaluateCompliance } from '../functions/domain/compliance/evaluate-compliance';
import type { AttendanceRecord } from '../functions/domain/compliance/types';
import { defaultDutyPolicy } from '../functions/domain/duty-policy';
import { planRoster } from '../functions/domain/roster/plan-roster';
import type { RosterInput, RosterOfficer } from '../functions/domain/roster/types';
import { WEEKDAYS, type OfficerRole } from '../functions/domain/vocabulary';
import { seededRandom } from './support/seeded-random';

/**
 * `npm run bench:duty`: the roster planner and the compliance evaluator on a Dongguan-sized
 * district (330 stations, 2 000 officers) and on ten times that. Pure compute, no DynamoDB.
 * The district is generated from a fixed seed: 8 % of stations have no enforcement officer of
 * their own (they must borrow), officers rest 0–2 weekdays, 5 % are on leave, some have a
 * lower cap. The tight variants leave five stations in six without enforcement officers of their
 * own. Prints one line per size; it is a measurement, not a test.
 */

const OTHER_ROLES: OfficerRole[] = ['MUNICIPAL', 'LANDSCAPING', 'SANITATION', 'INSPECTOR', 'COMMUNITY_STAFF', 'VOLUNTEER'];

export function generateDistrict(stationCount: number, officerCount: number, withoutEnforcementEvery = 12, seed = 48): RosterInput {
  const next = seededRandom(seed);
  const stations = Array.from({ length: stationCount }, (_unused, index) => ({ id: `st-${String(index).padStart(5, '0')}`, active: true }));
  const officers: RosterOfficer[] = Array.from({ length: officerCount }, (_unused, index) => {
    const station = index % stationCount;
    const rank = Math.floor(index / stationCount);
    const withoutEnforcement = station % withoutEnforcementEvery !== 0 && (withoutEnforcementEvery < 12 || station % 12 === 5);
    const role: OfficerRole = !withoutEnforcement && rank === 0 ? 'AREA_CHIEF' : !withoutEnforcement && rank === 1 ? 'ENFORCEMENT' : OTHER_ROLES[Math.floor(next() * OTHER_ROLES.length)]!;
    const restDays = WEEKDAYS.filter(() => next() < 0.15);
    return {
      id: `of-${String(index).padStart(6, '0')}`,
      role,
      partyMember: next() < 0.35,
      ...(next() < 0.03 ? {} : { stationId: stations[station]!.id }),
      active: next() > 0.02,
      unavailableWeekdays: restDays,
      ...(next() < 0.1 ? { maxWeeklyDutyMinutes: 480 } : {}),
    };
  });
  const leave = officers.filter(() => next() < 0.05).map((officer) => {
    const start = 23 + Math.floor(next() * 7);
    return { officerId: officer.id, from: `2026-11-${start}`, to: `2026-11-${Math.min(29, start + 1 + Math.floor(next() * 4))}` };
  });
  return { week: '2026-W48', timezone: 'Asia/Shanghai', policy: defaultDutyPolicy, stations, officers, leave };
}

function measure(label: string, stationCount: number, officerCount: number, withoutEnforcementEvery = 12): void {
  const input = generateDistrict(stationCount, officerCount, withoutEnforcementEvery);
  const started = performance.now();
  const plan = planRoster(input);
  const planMs = performance.now() - started;
  const rssMb = process.memoryUsage().rss / 1_048_576;

  const attendance: AttendanceRecord[] = plan.shifts.flatMap((shift, index) =>
    index % 5 === 0 ? [] : shift.officerIds.map((officerId) => ({ shiftId: shift.id, officerId, checkedInAt: shift.startsAt, checkedOutAt: shift.endsAt })),
  );
  const evaluationStarted = performance.now();
  const report = evaluateCompliance({
    week: input.week,
    timezone: input.timezone,
    policy: input.policy,
    evaluatedAt: '2026-11-30T02:00:00+08:00',
    stations: input.stations,
    officers: input.officers,
    activities: [],
    shifts: plan.shifts,
    attendance,
  });
  const evaluationMs = performance.now() - evaluationStarted;

  const borrowed = plan.shifts.filter((shift) => shift.borrowedOfficerIds.length > 0).length;
  console.log(
    `${label.padEnd(10)} ${String(stationCount).padStart(5)} stations ${String(officerCount).padStart(6)} officers | ` +
      `plan ${planMs.toFixed(0).padStart(6)} ms, process ${rssMb.toFixed(0)} MB, ${plan.shifts.length} shifts (${borrowed} borrowing), ` +
      `${plan.unfilled.length} unfilled, max spread ${plan.fairness.maxSpreadMinutes} min | ` +
      `compliance ${evaluationMs.toFixed(0)} ms, ${report.compliantCount}/${report.stationCount} compliant`,
  );
}

measure('warm-up', 33, 200);
measure('Dongguan', 330, 2_000);
measure('10x', 3_300, 20_000);
// Tight: only every sixth station has enforcement officers, too few for every session, so most
// are borrowed, some stay unfilled, and the augmenting search (with its pruning) does the work.
measure('tight', 330, 2_000, 6);
measure('tight 10x', 3_300, 20_000, 6);
