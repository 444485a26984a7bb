/** Key builders. Every partition key starts with the district id: one district can never read another's items. */
export type EntityType = 'STATION' | 'GRID' | 'OFFICER';

export interface ItemKey {
  PK: string;
  SK: string;
}

export const districtPartition = (districtId: string): string => `D#${districtId}`;

export const districtKey = (districtId: string): ItemKey => ({ PK: districtPartition(districtId), SK: 'DISTRICT' });

export const entityPrefix = (type: EntityType): string => `${type}#`;

export const entityKey = (districtId: string, type: EntityType, id: string): ItemKey => ({
  PK: districtPartition(districtId),
  SK: `${entityPrefix(type)}${id}`,
});

/** Claim items make a value unique within a district (service codes, grid codes). */
export const uniqueClaimKey = (districtId: string, kind: 'SERVICE_CODE' | 'GRID_CODE', value: string): ItemKey => ({
  PK: districtPartition(districtId),
  SK: `UNIQUE#${kind}#${value}`,
});
