import type { Assignment } from './assignment';
import type { Instance } from './instance';
import type { UnfilledDemand, UnfilledReason } from './types';

/**
 * The sessions each station still lacks, each on the day it was meant for (the spread-out days
 * first) with the reason it stayed open. Runs once the enforcement duty is final.
 */
export function unfilledDemands(instance: Instance, assignment: Assignment): UnfilledDemand[] {
  const unfilled: UnfilledDemand[] = [];
  instance.stationIds.forEach((stationId, station) => {
    const missing = instance.demand[station]! - assignment.usedSlots(station).length;
    const reasons: UnfilledReason[] = instance.noWindow
      ? repeat('NO_WINDOW_LONG_ENOUGH', instance.sessions)
      : [
          ...(missing > 0 ? repeat(classify(instance, assignment, station), missing) : []),
          ...repeat('MORE_SESSIONS_THAN_DAYS', instance.excessDemand[station]!),
        ];
    const dates = openDates(instance, assignment, station, reasons.length);
    reasons.forEach((reason, index) => unfilled.push({ stationId, date: dates[index]!, reason }));
  });
  return unfilled;
}

const repeat = (reason: UnfilledReason, count: number): UnfilledReason[] => Array<UnfilledReason>(count).fill(reason);

/** Dates for `count` missing sessions: the station's unused days in order of preference, repeated if need be. */
function openDates(instance: Instance, assignment: Assignment, station: number, count: number): string[] {
  const preference = [...new Set([...instance.idealDays[station]!, ...instance.stationSlots[station]!.map((slot) => instance.slots[slot]!.day), 0, 1, 2, 3, 4, 5, 6])];
  const usedDays = new Set(assignment.usedSlots(station).map((slot) => instance.slots[slot]!.day));
  const open = preference.filter((day) => !usedDays.has(day));
  const order = open.length > 0 ? open : preference;
  return Array.from({ length: count }, (_unused, index) => instance.days[order[index % order.length]!]!.date);
}

function classify(instance: Instance, assignment: Assignment, station: number): UnfilledReason {
  if (!instance.qualifies.some(Boolean)) return 'NO_ENFORCEMENT_OFFICERS';
  const open = instance.stationSlots[station]!.filter((slot) => !assignment.isUsed(slot));
  let available = false;
  let free = false;
  for (const slot of open) {
    const { day } = instance.slots[slot]!;
    const candidates = instance.dayOfficers[day]!;
    if (candidates.length > 0) available = true;
    const freeThatDay = candidates.filter((officer) => assignment.slotOn(officer, day) === -1);
    if (freeThatDay.length > 0) free = true;
    const takers = freeThatDay.filter((officer) => assignment.canTake(officer, slot)).length;
    if (takers > 0 && takers < instance.units) return 'NOT_ENOUGH_ENFORCEMENT';
  }
  if (!available) return 'ENFORCEMENT_UNAVAILABLE';
  return free ? 'WEEKLY_CAP_REACHED' : 'ENFORCEMENT_FULLY_BOOKED';
}
