import type { Assignment } from './assignment';
import type { Instance } from './instance';

/**
 * The first, greedy placement: each station's sessions on its preferred slots, staffed from
 * its own officers (pass 1, every station), then, for stations still short, topped up by
 * borrowing (pass 2). Officers are taken fewest-minutes first, so duty is balanced.
 */
export function placeGreedily(instance: Instance, assignment: Assignment): void {
  instance.stationIds.forEach((_id, station) => fillStation(instance, assignment, station, false));
  instance.stationIds.forEach((_id, station) => fillStation(instance, assignment, station, true));
}

function fillStation(instance: Instance, assignment: Assignment, station: number, borrow: boolean): void {
  for (const slot of instance.stationSlots[station]!) {
    if (assignment.usedSlots(station).length >= instance.demand[station]!) return;
    if (assignment.isUsed(slot) || takesDay(instance, assignment, station, slot)) continue;
    const team = pickTeam(instance, assignment, station, slot, borrow);
    if (team) for (const officer of team) assignment.assign(officer, slot);
  }
}

/** With distinct days each day has one slot per station; otherwise prefer days the station has no session on yet. */
function takesDay(instance: Instance, assignment: Assignment, station: number, slot: number): boolean {
  const { day } = instance.slots[slot]!;
  const daysLeft = instance.stationSlots[station]!.some(
    (other) => !assignment.isUsed(other) && !sameDayUsed(instance, assignment, station, instance.slots[other]!.day),
  );
  return daysLeft && sameDayUsed(instance, assignment, station, day);
}

const sameDayUsed = (instance: Instance, assignment: Assignment, station: number, day: number): boolean =>
  assignment.usedSlots(station).some((used) => instance.slots[used]!.day === day);

/**
 * `units` officers for the slot: home officers first; when borrowing, officers without an active
 * home station before those lent by another station. Undefined when there are not enough.
 */
function pickTeam(instance: Instance, assignment: Assignment, station: number, slot: number, borrow: boolean): number[] | undefined {
  const { day } = instance.slots[slot]!;
  const home = instance.homeOfficers[station]!.filter((officer) => assignment.canTake(officer, slot));
  const team = assignment.best(home, instance.units);
  if (team.length < instance.units && borrow) {
    const others = instance.dayOfficers[day]!.filter((officer) => instance.home[officer] !== station && assignment.canTake(officer, slot));
    const missing = instance.units - team.length;
    const homeless = assignment.best(others.filter((officer) => instance.home[officer] === -1), missing);
    team.push(...homeless, ...assignment.best(others.filter((officer) => instance.home[officer] !== -1), missing - homeless.length));
  }
  return team.length === instance.units ? team : undefined;
}
