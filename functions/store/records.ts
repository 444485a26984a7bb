import type { EntityType, ItemKey } from './keys';

/** Attributes every stored entity carries besides its own fields. */
export interface StoredEntity extends ItemKey {
  type: EntityType;
  districtId: string;
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  /**
   * The entity's fields as its district file last set them (functions/store/onboarding):
   * absent on entities created through the API. The API never writes it but keeps it, since
   * updates start from the stored item.
   */
  fileState?: Record<string, unknown>;
}
