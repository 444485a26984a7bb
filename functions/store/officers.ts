import type { OfficerRole, Weekday } from '../domain/vocabulary';
import type { Store } from './client';
import { emptyConnection, type Connection, type PageArguments } from './connection';
import { EntityRepository, type FieldsOf } from './entity-repository';
import { attributeFilter } from './query';
import type { StoredEntity } from './records';

export interface OfficerRecord extends StoredEntity {
  name: string;
  role: OfficerRole;
  partyMember: boolean;
  phone?: string;
  stationId?: string;
  active: boolean;
  unavailableWeekdays: Weekday[];
  maxWeeklyDutyMinutes?: number;
}

export type OfficerFields = FieldsOf<OfficerRecord>;

export interface OfficerFilter {
  role?: OfficerRole | null;
  stationId?: string | null;
  active?: boolean | null;
  /** Only these officers (a grid's members); an empty list matches none. */
  ids?: readonly string[] | null;
}

export class OfficerRepository extends EntityRepository<OfficerRecord, OfficerFilter> {
  constructor(store: Store) {
    super(store, 'OFFICER', 'Officer');
  }

  override page(districtId: string, args: PageArguments<OfficerFilter>): Promise<Connection<OfficerRecord>> {
    if (args.filter?.ids?.length === 0) return Promise.resolve(emptyConnection());
    return super.page(districtId, args);
  }

  protected filterExpression(filter: OfficerFilter) {
    return attributeFilter({ equals: { role: filter.role, stationId: filter.stationId, active: filter.active }, oneOf: { id: filter.ids } });
  }
}

