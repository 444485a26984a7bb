import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { StationKind } from '../domain/vocabulary';
import { BadUserInputError } from '../shared/errors';
import type { Store } from './client';
import { EntityRepository, type FieldsOf } from './entity-repository';
import { uniqueClaimKey } from './keys';
import { attributeFilter } from './query';
import type { StoredEntity } from './records';
import { claimUnique } from './unique-claim';

export interface StationRecord extends StoredEntity {
  name: string;
  kind: StationKind;
  community?: string;
  address?: string;
  location?: { lat: number; lng: number };
  amenities: string[];
  serviceCode: string;
  active: boolean;
}

export type StationFields = FieldsOf<StationRecord>;

export interface StationFilter {
  kind?: StationKind | null;
  community?: string | null;
  active?: boolean | null;
}

interface ServiceCodeClaim {
  stationId: string;
}

/**
 * Stations, and the claim items that keep service codes unique in a district. A service code
 * starts with its district id, so the public lookup finds the district without a token.
 */
export class StationRepository extends EntityRepository<StationRecord, StationFilter> {
  constructor(store: Store) {
    super(store, 'STATION', 'Station');
  }

  protected filterExpression(filter: StationFilter) {
    return attributeFilter({ equals: { kind: filter.kind, community: filter.community, active: filter.active } });
  }

  /** Claims the service code in the same transaction. */
  override create(districtId: string, id: string, fields: StationFields, now: string): Promise<StationRecord> {
    return super.create(districtId, id, fields, now, [
      claimUnique(this.store, uniqueClaimKey(districtId, 'SERVICE_CODE', fields.serviceCode), { stationId: id }, (options) =>
        BadUserInputError.of('input.serviceCode', 'is already used by another station', options),
      ),
    ]);
  }

  /** Public lookup: the claim item names the station; two GetItems, no Scan. */
  async findByServiceCode(districtId: string, code: string): Promise<StationRecord | undefined> {
    const stationId = await this.idOfServiceCode(districtId, code);
    return stationId ? this.get(districtId, stationId) : undefined;
  }

  /** The id of the station a service code names (one GetItem of the claim item), active or not. */
  async idOfServiceCode(districtId: string, code: string): Promise<string | undefined> {
    const claim = await this.store.doc.send(
      new GetCommand({ TableName: this.store.tableName, Key: uniqueClaimKey(districtId, 'SERVICE_CODE', code) }),
    );
    return (claim.Item as ServiceCodeClaim | undefined)?.stationId;
  }
}
