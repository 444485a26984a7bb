import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon } from '@turf/helpers';
import type { DistrictFile } from '../../functions/domain/district-file';

type Grid = DistrictFile['grids'][number];

/** The grid's bounding box; the seed files' grids are rectangles, so boxes overlap exactly when grids do. */
function box(grid: Grid) {
  const ring = grid.boundary!.coordinates[0]!;
  const lngs = ring.map(([lng]) => lng!);
  const lats = ring.map(([, lat]) => lat!);
  return { west: Math.min(...lngs), east: Math.max(...lngs), south: Math.min(...lats), north: Math.max(...lats) };
}

/** Pairs of grid ids whose boundaries overlap (sharing an edge is not overlapping). */
export function overlappingGrids(file: DistrictFile): [string, string][] {
  const pairs: [string, string][] = [];
  file.grids.forEach((a, i) => {
    for (const b of file.grids.slice(i + 1)) {
      const [p, q] = [box(a), box(b)];
      if (p.west < q.east && q.west < p.east && p.south < q.north && q.south < p.north) pairs.push([a.id, b.id]);
    }
  });
  return pairs;
}

/** The ids of the grids whose boundary contains the location. */
export function gridsContaining(file: DistrictFile, location: { lat: number; lng: number }): string[] {
  return file.grids
    .filter((grid) => booleanPointInPolygon(point([location.lng, location.lat]), polygon(grid.boundary!.coordinates)))
    .map((grid) => grid.id);
}

/** Officers of a role, and how many there are. */
export const officersWithRole = (file: DistrictFile, role: DistrictFile['officers'][number]['role']) =>
  file.officers.filter((officer) => officer.role === role);
