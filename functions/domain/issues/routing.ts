import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { distance } from '@turf/distance';
import { point, polygon } from '@turf/helpers';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface RoutableGrid {
  id: string;
  stationId: string;
  leaderId?: string;
  boundary?: { type: 'Polygon'; coordinates: number[][][] };
}

/**
 * The grid whose boundary contains the point (boundary points count as inside). Grids should
 * not overlap; if they do, the lowest id wins, so routing is deterministic.
 */
export function gridContaining<G extends RoutableGrid>(location: GeoPoint, grids: readonly G[]): G | undefined {
  const here = point([location.lng, location.lat]);
  return [...grids]
    .sort((a, b) => a.id.localeCompare(b.id))
    .find((grid) => grid.boundary && booleanPointInPolygon(here, polygon(grid.boundary.coordinates)));
}

/** Great-circle distance in metres. */
export function metresBetween(a: GeoPoint, b: GeoPoint): number {
  return distance(point([a.lng, a.lat]), point([b.lng, b.lat]), { units: 'meters' });
}
