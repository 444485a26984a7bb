import type { EntityType, ItemKey } from './keys';

/** Attributes every stored entity carries besides its own fields. */
export interface StoredEntity extends ItemKey {
  type: EntityType;
  districtId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}
