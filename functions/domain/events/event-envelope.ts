import { inZone } from '../time';
import type { DomainEvent, DomainEventSubject, DomainEventType } from './domain-event';

/** The zone of every district today, for a change made before its district is stored. */
export const CHINA_STANDARD_TIME = 'Asia/Shanghai';

/** The version of every type's `data` shape today; raised per type only by a breaking change. */
export const FIRST_DATA_VERSION = 1;

export interface EventFacts {
  type: DomainEventType;
  districtId: string;
  /** The district's time zone: `occurredAt` is written with its offset. */
  timezone: string;
  /** When the change was made (any ISO 8601 instant). */
  at: string;
  subject: { type: DomainEventSubject; id: string };
  /** The subject's version after the change. */
  sequence: number;
  data: Record<string, unknown>;
}

/**
 * The id of the event that took `subject` to `sequence`. Derived, not random: the change and its
 * event are one transaction, so one subject version has exactly one event, and a replayed
 * transaction or a redelivery carries the same id (consumers de-duplicate by it).
 */
export const domainEventId = (districtId: string, subject: DomainEvent['subject'], sequence: number): string =>
  `${districtId}.${subject.type}.${subject.id}.${sequence}`;

/** Wraps one change's facts in the envelope. Pure: the same facts make the same event. */
export function domainEvent(facts: EventFacts): DomainEvent {
  return {
    id: domainEventId(facts.districtId, facts.subject, facts.sequence),
    type: facts.type,
    version: FIRST_DATA_VERSION,
    districtId: facts.districtId,
    occurredAt: inZone(facts.at, facts.timezone),
    subject: facts.subject,
    sequence: facts.sequence,
    data: withoutUndefined(facts.data),
  };
}

/** JSON and DynamoDB both drop or refuse `undefined`; an absent fact is left out. */
function withoutUndefined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined));
}
