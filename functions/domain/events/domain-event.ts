import * as z from 'zod';
import { DISTRICT_ID_PATTERN } from '../vocabulary';

/**
 * The domain events the product announces, and their one envelope. Every consumer (the
 * district's EventBridge bus, webhooks, Open311's request updates) reads this shape; `docs/events.md`
 * shows one example of each type. An event carries ids and public facts, never personal data.
 *
 * Contract: `id` is unique and stable across redeliveries (consumers de-duplicate by it);
 * `sequence` increases per subject (for an issue, the version after the step), so a
 * consumer can restore the order of one subject's events; `version` is the version of `data`'s
 * shape for that `type`, raised only by a breaking change.
 */
export const DOMAIN_EVENT_TYPES = [
  'issue.reported',
  'issue.assigned',
  'issue.started',
  'issue.transferred',
  'issue.resolved',
  'issue.closed',
  'issue.reopened',
  'issue.rejected',
  'issue.rated',
  'roster.generated',
  'roster.published',
  'compliance.reported',
  'station.created',
  'station.updated',
  'grid.created',
  'grid.updated',
  'officer.created',
  'officer.updated',
  'district.updated',
  'dutyPolicy.updated',
  'issuePolicy.updated',
] as const;
export type DomainEventType = (typeof DOMAIN_EVENT_TYPES)[number];
export const domainEventTypeSchema = z.enum(DOMAIN_EVENT_TYPES);

export const DOMAIN_EVENT_SUBJECTS = ['Issue', 'Roster', 'ComplianceReport', 'Station', 'Grid', 'Officer', 'District', 'DutyPolicy', 'IssuePolicy'] as const;
export type DomainEventSubject = (typeof DOMAIN_EVENT_SUBJECTS)[number];

export const domainEventSchema = z.object({
  id: z.string().min(1).max(100),
  type: domainEventTypeSchema,
  version: z.number().int().positive(),
  districtId: z.string().regex(DISTRICT_ID_PATTERN),
  /** ISO 8601 with the district's offset and whole seconds, like every time the API answers. */
  occurredAt: z.string(),
  subject: z.object({ type: z.enum(DOMAIN_EVENT_SUBJECTS), id: z.string().min(1) }),
  sequence: z.number().int().nonnegative(),
  data: z.record(z.string(), z.unknown()),
});
export type DomainEvent = z.infer<typeof domainEventSchema>;
