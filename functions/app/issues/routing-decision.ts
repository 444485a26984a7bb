import { gridContaining, type GeoPoint } from '../../domain/issues/routing';
import type { GridRecord } from '../../store/grids';
import type { OfficerRecord } from '../../store/officers';
import type { StationRecord } from '../../store/stations';

export interface RoutingDecision {
  grid?: GridRecord;
  stationId?: string;
  /** The grid's leader, when active: the report is dispatched to them at once. */
  leaderId?: string;
  /** Why the report was not routed to a grid; absent when it was. */
  note?: string;
}

/**
 * Where a report goes: the grid containing its location, that grid's station and active
 * leader; else the station of the service code it came through; else nowhere (it waits,
 * REPORTED and unassigned, for a supervisor to dispatch it).
 */
export async function decideRouting(
  location: GeoPoint | undefined,
  grids: readonly GridRecord[],
  codeStation: StationRecord | undefined,
  loadOfficer: (id: string) => Promise<OfficerRecord | undefined>,
): Promise<RoutingDecision> {
  const grid = location ? gridContaining(location, grids) : undefined;
  if (grid) {
    const leader = grid.leaderId ? await loadOfficer(grid.leaderId) : undefined;
    return leader?.active
      ? { grid, stationId: grid.stationId, leaderId: leader.id }
      : { grid, stationId: grid.stationId, note: `grid ${grid.code} has no active leader: waiting for dispatch` };
  }
  const where = location ? 'outside every grid' : 'no location';
  if (codeStation) return { stationId: codeStation.id, note: `${where}: sent to the station of its service code, waiting for dispatch` };
  return { note: `${where}: not routed, waiting for dispatch` };
}
