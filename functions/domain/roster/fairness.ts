import type { Assignment } from './assignment';
import type { Instance } from './instance';
import type { RosterFairness } from './types';

/**
 * How evenly duty is shared: per station, the lowest and highest weekly minutes among its home
 * officers who may staff a shift (party members added for the soft rule included).
 */
export function measureFairness(instance: Instance, assignment: Assignment): RosterFairness {
  const stations = instance.stationIds.flatMap((stationId, station) => {
    const minutes = instance.homeOfficers[station]!.map((officer) => assignment.minutes[officer]!);
    return minutes.length === 0 ? [] : [{ stationId, minMinutes: Math.min(...minutes), maxMinutes: Math.max(...minutes) }];
  });
  return {
    maxSpreadMinutes: stations.reduce((spread, station) => Math.max(spread, station.maxMinutes - station.minMinutes), 0),
    stations,
  };
}
