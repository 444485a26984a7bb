import type { OfficerRole, Weekday } from '../domain/vocabulary';
import type { Store } from './client';
import { EntityRepository, type FieldsOf } from './entity-repository';
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

export type OfficerRepository = EntityRepository<OfficerRecord>;

export const createOfficerRepository = (store: Store): OfficerRepository =>
  new EntityRepository<OfficerRecord>(store, 'OFFICER', 'Officer');
