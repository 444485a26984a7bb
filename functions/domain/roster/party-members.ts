import type { Assignment } from './assignment';
import type { Instance } from './instance';

/**
 * Soft rule: a shift includes a party member. A shift whose officers include none gets one more
 * officer, a party member of the station's own team (any role) who is free that day and under
 * the cap; nobody is borrowed for this. Runs after the enforcement duty is settled, so it never
 * takes an officer a session needed.
 */
export function addPartyMembers(instance: Instance, assignment: Assignment): void {
  for (const slot of instance.slots) {
    if (!assignment.isUsed(slot.index)) continue;
    if (assignment.units[slot.index]!.some((officer) => instance.officers[officer]!.partyMember)) continue;
    const candidates = instance.homeTeam[slot.station]!.filter(
      (index) => instance.officers[index]!.partyMember && assignment.canTake(index, slot.index),
    );
    const [member] = assignment.best(candidates, 1);
    if (member !== undefined) assignment.assign(member, slot.index, true);
  }
}
