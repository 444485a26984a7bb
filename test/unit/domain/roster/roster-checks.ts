import { daysOfWeek, localInstant, windowMinutes } from '../../../../functions/domain/duty/iso-week';
import { isEnforcementRole } from '../../../../functions/domain/duty/enforcement';
import type { RosterInput, RosterOfficer, RosterPlan } from '../../../../functions/domain/roster/types';

/**
 * Test oracles, written independently of the planner: every hard rule of docs/duty.md (The rules) as a list
 * of violations, and the exact maximum number of sessions any roster could fill.
 */

const qualifies = (input: RosterInput, officer: RosterOfficer) =>
  input.policy.minEnforcementPerSession === 0 || isEnforcementRole(officer.role);

function isOnLeave(input: RosterInput, officerId: string, date: string): boolean {
  return input.leave.some((leave) => leave.officerId === officerId && leave.from <= date && date <= leave.to);
}

export function hardRuleViolations(input: RosterInput, plan: RosterPlan): string[] {
  const violations: string[] = [];
  const { policy } = input;
  const days = daysOfWeek(input.week, input.timezone);
  const weekdayOf = new Map(days.map((day) => [day.date, day.weekday]));
  const officers = new Map(input.officers.map((officer) => [officer.id, officer]));
  const activeStations = new Set(input.stations.filter((station) => station.active).map((station) => station.id));
  const busy = new Map<string, string>();
  const minutes = new Map<string, number>();

  for (const shift of plan.shifts) {
    const where = `shift ${shift.id}`;
    if (!activeStations.has(shift.stationId)) violations.push(`${where}: station not active`);
    if (!weekdayOf.has(shift.date)) violations.push(`${where}: date outside the week`);
    const window = policy.shiftWindows.find((candidate) => candidate.name === shift.window);
    if (!window) violations.push(`${where}: not a policy window`);
    else {
      if (windowMinutes(window) < policy.minSessionMinutes) violations.push(`${where}: window shorter than a session`);
      if (shift.startsAt !== localInstant(shift.date, window.start, input.timezone)) violations.push(`${where}: wrong start`);
      if (shift.endsAt !== localInstant(shift.date, window.end, input.timezone)) violations.push(`${where}: wrong end`);
    }
    const team = shift.officerIds.map((id) => officers.get(id));
    if (team.some((officer) => !officer || !officer.active)) violations.push(`${where}: unknown or inactive officer`);
    const qualified = team.filter((officer) => officer && qualifies(input, officer)).length;
    if (qualified < Math.max(1, policy.minEnforcementPerSession)) violations.push(`${where}: ${qualified} enforcement officers`);
    for (const officer of team) {
      if (!officer) continue;
      const dayKey = `${officer.id}|${shift.date}`;
      if (busy.has(dayKey)) violations.push(`${where}: ${officer.id} also on ${busy.get(dayKey)}`);
      busy.set(dayKey, shift.id);
      if (officer.unavailableWeekdays.includes(weekdayOf.get(shift.date)!)) violations.push(`${where}: ${officer.id} unavailable that weekday`);
      if (isOnLeave(input, officer.id, shift.date)) violations.push(`${where}: ${officer.id} on leave`);
      minutes.set(officer.id, (minutes.get(officer.id) ?? 0) + shift.minutes);
    }
  }
  for (const [officerId, total] of minutes) {
    const officer = officers.get(officerId)!;
    const cap = officer.maxWeeklyDutyMinutes ?? policy.maxWeeklyDutyMinutes;
    if (total > cap) violations.push(`${officerId}: ${total} min over the cap ${cap}`);
  }

  for (const stationId of activeStations) {
    const shifts = plan.shifts.filter((shift) => shift.stationId === stationId);
    const unfilled = plan.unfilled.filter((demand) => demand.stationId === stationId);
    if (shifts.length + unfilled.length !== policy.minSessionsPerWeek) {
      violations.push(`${stationId}: ${shifts.length} shifts + ${unfilled.length} unfilled ≠ ${policy.minSessionsPerWeek}`);
    }
    if (policy.sessionsOnDistinctDays && new Set(shifts.map((shift) => shift.date)).size !== shifts.length) {
      violations.push(`${stationId}: two sessions on one day`);
    }
  }

  // Home first: a borrowed officer only where no home officer of the station was free to take it.
  for (const shift of plan.shifts) {
    const borrowed = shift.officerIds.filter((id) => officers.get(id)?.stationId !== shift.stationId);
    if (borrowed.length === 0) continue;
    const idleHome = input.officers.find(
      (officer) =>
        officer.active &&
        officer.stationId === shift.stationId &&
        qualifies(input, officer) &&
        !busy.has(`${officer.id}|${shift.date}`) &&
        !officer.unavailableWeekdays.includes(weekdayOf.get(shift.date)!) &&
        !isOnLeave(input, officer.id, shift.date) &&
        (minutes.get(officer.id) ?? 0) + shift.minutes <= (officer.maxWeeklyDutyMinutes ?? policy.maxWeeklyDutyMinutes),
    );
    if (idleHome) violations.push(`shift ${shift.id}: borrows ${borrowed.join(',')} while ${idleHome.id} of the station is free`);
  }
  return violations;
}

/**
 * The most sessions any roster could fill, for one officer per shift, distinct days and windows
 * of one length: a maximum flow (Edmonds–Karp on an explicit graph)
 * source → station (sessions) → station-day (1) → officer-day (1) → officer (cap ÷ window) → sink.
 */
export function maxFillableSessions(input: RosterInput): number {
  const { policy } = input;
  const length = Math.min(...policy.shiftWindows.map(windowMinutes));
  if (length < policy.minSessionMinutes) return 0;
  const days = daysOfWeek(input.week, input.timezone);
  const stations = input.stations.filter((station) => station.active);
  const officers = input.officers.filter((officer) => officer.active && qualifies(input, officer));
  const nodes = { source: 0, sink: 1, next: 2 };
  const id = new Map<string, number>();
  const node = (name: string) => {
    if (!id.has(name)) id.set(name, nodes.next++);
    return id.get(name)!;
  };
  const capacity = new Map<number, Map<number, number>>();
  const edge = (from: number, to: number, amount: number) => {
    if (amount <= 0) return;
    if (!capacity.has(from)) capacity.set(from, new Map());
    if (!capacity.has(to)) capacity.set(to, new Map());
    capacity.get(from)!.set(to, (capacity.get(from)!.get(to) ?? 0) + amount);
    if (!capacity.get(to)!.has(from)) capacity.get(to)!.set(from, 0);
  };
  for (const station of stations) {
    edge(nodes.source, node(`s:${station.id}`), Math.min(policy.minSessionsPerWeek, 7));
    for (const day of days) {
      edge(node(`s:${station.id}`), node(`sd:${station.id}:${day.index}`), 1);
      for (const officer of officers) {
        if (officer.unavailableWeekdays.includes(day.weekday) || isOnLeave(input, officer.id, day.date)) continue;
        edge(node(`sd:${station.id}:${day.index}`), node(`od:${officer.id}:${day.index}`), 1);
      }
    }
  }
  for (const officer of officers) {
    for (const day of days) edge(node(`od:${officer.id}:${day.index}`), node(`o:${officer.id}`), 1);
    edge(node(`o:${officer.id}`), nodes.sink, Math.floor((officer.maxWeeklyDutyMinutes ?? policy.maxWeeklyDutyMinutes) / length));
  }
  let flow = 0;
  for (;;) {
    const parent = new Map<number, number>([[nodes.source, -1]]);
    const queue = [nodes.source];
    while (queue.length > 0 && !parent.has(nodes.sink)) {
      const at = queue.shift()!;
      for (const [to, left] of capacity.get(at) ?? []) {
        if (left > 0 && !parent.has(to)) {
          parent.set(to, at);
          queue.push(to);
        }
      }
    }
    if (!parent.has(nodes.sink)) return flow;
    for (let at = nodes.sink; at !== nodes.source; at = parent.get(at)!) {
      const from = parent.get(at)!;
      capacity.get(from)!.set(at, capacity.get(from)!.get(at)! - 1);
      capacity.get(at)!.set(from, capacity.get(at)!.get(from)! + 1);
    }
    flow += 1;
  }
}
