import type { DomainEvent, DomainEventSubject, DomainEventType } from './domain-event';
import { domainEvent } from './event-envelope';

export type ReferenceSubject = Extract<DomainEventSubject, 'Station' | 'Grid' | 'Officer'>;

/**
 * The fields of each reference entity an event may carry: ids, codes and states. An officer's
 * name and phone, and a grid's boundary (large, and read through the API), stay out.
 */
export const PUBLIC_REFERENCE_FIELDS: Record<ReferenceSubject, readonly string[]> = {
  Station: ['name', 'kind', 'community', 'serviceCode', 'active'],
  Grid: ['code', 'name', 'community', 'stationId', 'leaderId', 'officerIds'],
  Officer: ['role', 'stationId', 'active'],
};

const TYPES: Record<ReferenceSubject, { created: DomainEventType; updated: DomainEventType }> = {
  Station: { created: 'station.created', updated: 'station.updated' },
  Grid: { created: 'grid.created', updated: 'grid.updated' },
  Officer: { created: 'officer.created', updated: 'officer.updated' },
};

export interface ReferenceChange {
  subject: ReferenceSubject;
  districtId: string;
  timezone: string;
  /** The entity before the change; absent when it was created. */
  before?: Record<string, unknown> & { version: number };
  after: Record<string, unknown> & { id: string; version: number; updatedAt: string };
}

/**
 * The event of a station, grid or officer created or changed: its public fields after the
 * change, and the names of every field that changed (a changed phone is named, never shown).
 */
export function referenceDataEvent(change: ReferenceChange): DomainEvent {
  const { subject, before, after } = change;
  const ignored = new Set(['version', 'updatedAt', 'createdAt', 'fileState']);
  const changedFields = before
    ? [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => !ignored.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key])).sort()
    : undefined;
  return domainEvent({
    type: before ? TYPES[subject].updated : TYPES[subject].created,
    districtId: change.districtId,
    timezone: change.timezone,
    at: after.updatedAt,
    subject: { type: subject, id: after.id },
    sequence: after.version,
    data: { ...Object.fromEntries(PUBLIC_REFERENCE_FIELDS[subject].map((field) => [field, after[field]])), changedFields },
  });
}
