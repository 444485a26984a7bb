import { Assignment } from './assignment';
import { augmentToMaximum } from './augment';
import { measureFairness } from './fairness';
import { placeGreedily } from './greedy';
import { preferHomeOfficers } from './home-first';
import { buildInstance, type Instance } from './instance';
import { addPartyMembers } from './party-members';
import type { PlannedShift, RosterInput, RosterPlan } from './types';
import { unfilledDemands } from './unfilled';

/**
 * Plans one ISO week of duty for every active station (docs/duty.md, The rules). Pure and deterministic:
 * no clock, no randomness, ties broken by id, so the same input gives the same plan byte for byte.
 *
 * Hard rules, never broken: each session is one policy window long enough for a session, on a
 * day of its own when the policy says so, staffed by `minEnforcementPerSession` enforcement
 * officers (one officer of any role when that is 0); nobody works two shifts a day, on an
 * unavailable weekday or on leave, or past their weekly cap; a borrowed officer staffs a shift
 * only when no home officer of that station could. With one officer per shift the number of
 * filled sessions is the maximum possible (see augment.ts); what stays open is in `unfilled`.
 *
 * Soft rules: sessions spread over the week and staggered over the windows, duty minutes
 * balanced (fewest minutes first), a party member on each shift where the team has one free.
 */
export function planRoster(input: RosterInput): RosterPlan {
  const instance = buildInstance(input);
  const assignment = new Assignment(instance);
  placeGreedily(instance, assignment);
  augmentToMaximum(instance, assignment);
  preferHomeOfficers(instance, assignment);
  const unfilled = unfilledDemands(instance, assignment);
  addPartyMembers(instance, assignment);
  return { week: input.week, shifts: plannedShifts(instance, assignment), unfilled, fairness: measureFairness(instance, assignment) };
}

export const shiftId = (date: string, window: string, stationId: string): string => `${date}.${window}.${stationId}`;

/** The order shifts are listed in: by station, then by start. */
export function compareShifts(a: Pick<PlannedShift, 'stationId' | 'startsAt'>, b: Pick<PlannedShift, 'stationId' | 'startsAt'>): number {
  if (a.stationId !== b.stationId) return a.stationId < b.stationId ? -1 : 1;
  return a.startsAt < b.startsAt ? -1 : a.startsAt > b.startsAt ? 1 : 0;
}

function plannedShifts(instance: Instance, assignment: Assignment): PlannedShift[] {
  return instance.slots
    .filter((slot) => assignment.isUsed(slot.index))
    .map((slot): PlannedShift => {
      const stationId = instance.stationIds[slot.station]!;
      const date = instance.days[slot.day]!.date;
      const team = [...assignment.units[slot.index]!, ...assignment.extras[slot.index]!];
      const officerIds = team.map((officer) => instance.officers[officer]!.id).sort();
      const borrowedOfficerIds = team
        .filter((officer) => instance.home[officer] !== slot.station)
        .map((officer) => instance.officers[officer]!.id)
        .sort();
      return {
        id: shiftId(date, slot.window.name, stationId),
        stationId,
        date,
        window: slot.window.name,
        startsAt: slot.startsAt,
        endsAt: slot.endsAt,
        minutes: slot.minutes,
        officerIds,
        borrowedOfficerIds,
      };
    })
    .sort(compareShifts);
}
