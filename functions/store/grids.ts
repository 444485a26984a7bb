import { BadUserInputError } from '../shared/errors';
import type { Store } from './client';
import { EntityRepository, type FieldsOf } from './entity-repository';
import { uniqueClaimKey } from './keys';
import { attributeFilter } from './query';
import type { StoredEntity } from './records';
import type { GuardedWrite } from './transact';
import { claimUnique } from './unique-claim';

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}

export interface GridRecord extends StoredEntity {
  code: string;
  name: string;
  community?: string;
  stationId: string;
  leaderId?: string;
  officerIds: string[];
  boundary?: GeoJsonPolygon;
}

export type GridFields = FieldsOf<GridRecord>;

export interface GridFilter {
  stationId?: string | null;
  community?: string | null;
}

/** Grids, with their codes kept unique in the district by claim items. */
export class GridRepository extends EntityRepository<GridRecord, GridFilter> {
  constructor(store: Store) {
    super(store, 'GRID', 'Grid');
  }

  protected filterExpression(filter: GridFilter) {
    return attributeFilter({ equals: { stationId: filter.stationId, community: filter.community } });
  }

  /** Claims the grid code; `checks` assert that the referenced station and officers exist, in the same transaction. */
  override create(districtId: string, id: string, fields: GridFields, now: string, checks: GuardedWrite[]): Promise<GridRecord> {
    return super.create(districtId, id, fields, now, [
      claimUnique(this.store, uniqueClaimKey(districtId, 'GRID_CODE', fields.code), { gridId: id }, (options) =>
        BadUserInputError.of('input.code', 'is already used by another grid', options),
      ),
      ...checks,
    ]);
  }
}
