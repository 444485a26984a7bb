import * as z from 'zod';
import { issueCategorySchema, issuePrioritySchema, issueSourceSchema, issueStatusSchema, satisfactionSchema } from '../vocabulary';
import { DateTime } from 'luxon';
import { absentIfNull, freeText, geoPointInputField, idField, noteField, pageArguments, textField, versionField } from './fields';
import { photoKeysField } from './photo-inputs';
import { serviceCodeField } from './reference-inputs';


const note = noteField;
const photoUrl = z
  .string()
  .trim()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL');
const contact = z
  .string()
  .trim()
  .regex(/^(\+?[0-9][0-9 -]{4,19}|[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,})$/, 'must be a phone number or an e-mail address');
/** A 12345 work-order number as platforms print them: letters, digits and '-', 4 to 40. */
const hotlineTicket = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be a 12345 ticket number: 4 to 40 letters, digits or "-"');
const instant = z
  .string()
  .refine((value) => DateTime.fromISO(value, { setZone: true }).isValid, 'must be an ISO-8601 date-time with an offset');
const millisOf = (value: string): number => DateTime.fromISO(value, { setZone: true }).toMillis();

const localDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').refine((value) => DateTime.fromISO(value).isValid, 'is not a calendar date');

export const reportIssueArguments = z.object({
  input: z.object({
    category: issueCategorySchema,
    title: absentIfNull(freeText(100)),
    description: freeText(2000, { multiline: true }),
    location: absentIfNull(geoPointInputField),
    address: absentIfNull(textField),
    photoUrls: absentIfNull(z.array(photoUrl).max(9, 'at most 9 photos')),
    photoKeys: absentIfNull(photoKeysField),
    photosShowPeople: absentIfNull(z.boolean()),
    priority: absentIfNull(issuePrioritySchema),
    source: absentIfNull(issueSourceSchema),
    serviceCode: absentIfNull(serviceCodeField),
    reporterContact: absentIfNull(contact),
    resolvedOnSite: absentIfNull(z.boolean()),
    note: absentIfNull(note),
    hotlineTicket: absentIfNull(hotlineTicket),
  })
    // Checked even when other fields are bad (`when`), so one answer names every problem.
    .superRefine(
      (input, context) => {
        const referral = input.source === 'HOTLINE_12345';
        if (referral && !input.hotlineTicket) context.addIssue({ code: 'custom', path: ['hotlineTicket'], message: 'is required for a 12345 referral' });
        if (!referral && input.hotlineTicket) context.addIssue({ code: 'custom', path: ['hotlineTicket'], message: 'is only for source HOTLINE_12345' });
      },
      { when: () => true },
    ),
});

export const issueByHotlineTicketArguments = z.object({ ticket: hotlineTicket });

const step = { id: idField, expectedVersion: versionField.nullish(), note: absentIfNull(note) };

export const assignIssueArguments = z.object({ ...step, assigneeId: idField });
export const plainStepArguments = z.object(step);
export const resolveIssueArguments = z.object({
  ...step,
  resolvedOnSite: absentIfNull(z.boolean()),
  photoKeys: absentIfNull(photoKeysField),
  /** For the reporter's status page; `note` stays with staff. */
  publicNote: absentIfNull(freeText(500, { multiline: true })),
});
export const transferIssueArguments = z.object({
  ...step,
  department: freeText(100),
});
export const closeIssueArguments = z.object({ ...step, satisfaction: absentIfNull(satisfactionSchema) });
export const reopenIssueArguments = z.object({ ...step, note });
export const rejectIssueArguments = z.object({
  id: idField,
  expectedVersion: versionField.nullish(),
  reason: note,
  duplicateOf: absentIfNull(idField),
});
export const confirmIssueArguments = z.object({ id: idField, serviceCode: absentIfNull(serviceCodeField) });

export const issuesArguments = z.object({
  filter: z
    .object({
      status: absentIfNull(issueStatusSchema),
      category: absentIfNull(issueCategorySchema),
      source: absentIfNull(issueSourceSchema),
      priority: absentIfNull(issuePrioritySchema),
      gridId: absentIfNull(idField),
      stationId: absentIfNull(idField),
      assigneeId: absentIfNull(idField),
      overdue: absentIfNull(z.boolean()),
      reportedFrom: absentIfNull(instant),
      reportedTo: absentIfNull(instant),
    })
    // Also what keeps the index's key range (BETWEEN from AND to) one DynamoDB accepts.
    .refine((filter) => !filter.reportedFrom || !filter.reportedTo || millisOf(filter.reportedFrom) <= millisOf(filter.reportedTo), {
      path: ['reportedTo'],
      message: 'must not be before reportedFrom',
    })
    .nullish(),
  ...pageArguments,
});

export const issueStatsArguments = z
  .object({ from: localDay, to: localDay, stationId: absentIfNull(idField), gridId: absentIfNull(idField) })
  .refine((args) => args.from <= args.to, { path: ['to'], message: 'must not be before from' })
  .refine((args) => DateTime.fromISO(args.to).diff(DateTime.fromISO(args.from), 'days').days <= 731, {
    path: ['to'],
    message: 'the period is at most 2 years',
  });

const minutes = z.int('must be an integer').min(1, 'must be between 1 and 525600').max(525_600, 'must be between 1 and 525600');

export const updateIssuePolicyArguments = z.object({
  input: z.object({
    /** 0 is the version of the defaults, before the district's first change. */
    expectedVersion: z.int('must be an integer').min(0, 'must be at least 0').nullish(),
    replaceTimeLimits: absentIfNull(z.boolean()),
    timeLimits: absentIfNull(
      z
        .array(
          z
            .object({ category: absentIfNull(issueCategorySchema), priority: issuePrioritySchema, dispatchMinutes: minutes, resolveMinutes: minutes })
            .refine((limit) => limit.dispatchMinutes <= limit.resolveMinutes, { path: ['dispatchMinutes'], message: 'must not exceed resolveMinutes' }),
        )
        .max(28)
        .refine(
          (limits) => new Set(limits.map((limit) => `${limit.category ?? '*'}/${limit.priority}`)).size === limits.length,
          'each category and priority at most once',
        ),
    ),
    duplicateRadiusMeters: absentIfNull(z.int().min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000')),
    duplicateWindowDays: absentIfNull(z.int().min(1, 'must be between 1 and 90').max(90, 'must be between 1 and 90')),
    publicReportsPerCodePerMinute: absentIfNull(z.int().min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000')),
    publicCallsPerAddressPerMinute: absentIfNull(z.int().min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000')),
    publicReportsPerAddressAndCodePerMinute: absentIfNull(z.int().min(1, 'must be between 1 and 1000').max(1000, 'must be between 1 and 1000')),
  }),
});
