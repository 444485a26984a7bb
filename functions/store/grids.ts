import { BadUserInputError } from '../shared/errors';
import type { Store } from './client';
import { EntityRepository, type FieldsOf } from './entity-repository';
import { uniqueClaimKey } from './keys';
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

/** Grids, with their codes kept unique in the district by claim items. */
export class GridRepository {
  readonly entities: EntityRepository<GridRecord>;

  constructor(private readonly store: Store) {
    this.entities = new EntityRepository<GridRecord>(store, 'GRID', 'Grid');
  }

  /** `checks` assert that the referenced station and officers exist, in the same transaction. */
  create(districtId: string, id: string, fields: GridFields, now: string, checks: GuardedWrite[]): Promise<GridRecord> {
    return this.entities.create(districtId, id, fields, now, [
      claimUnique(this.store, uniqueClaimKey(districtId, 'GRID_CODE', fields.code), { gridId: id }, (options) =>
        BadUserInputError.of('input.code', 'is already used by another grid', options),
      ),
      ...checks,
    ]);
  }
}
