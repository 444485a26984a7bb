import type { Assignment } from './assignment';
import type { Instance } from './instance';

/**
 * Officers serve their home station first: wherever a borrowed officer staffs a shift while a
 * home officer of that station could take it (free that day, available, under the cap), the home
 * officer takes it over. Repeated until no such shift is left (each swap lowers the number of
 * borrowed shifts, so it ends); the number of filled sessions does not change.
 */
export function preferHomeOfficers(instance: Instance, assignment: Assignment): void {
  let swapped = true;
  while (swapped) {
    swapped = false;
    for (const slot of instance.slots) {
      for (const officer of [...assignment.units[slot.index]!]) {
        if (instance.home[officer] === slot.station) continue;
        const [substitute] = assignment.best(
          instance.homeOfficers[slot.station]!.filter((candidate) => assignment.canTake(candidate, slot.index)),
          1,
        );
        if (substitute === undefined) continue;
        assignment.unassign(officer, slot.index);
        assignment.assign(substitute, slot.index);
        swapped = true;
      }
    }
  }
}
