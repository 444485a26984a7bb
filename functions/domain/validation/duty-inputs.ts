import { DateTime } from 'luxon';
import * as z from 'zod';
import { isIsoWeek, ISO_WEEK_PATTERN } from '../duty/iso-week';
import { absentIfNull, freeText, geoPointInputField, idField, nameField, noteField, pageArguments, versionField } from './fields';

/** Inputs of the duty operations (activities, duty policy, rosters, attendance, leave). Every rule reports its field path. */

export const isoWeekField = z
  .string()
  .regex(ISO_WEEK_PATTERN, 'must be an ISO week, e.g. 2026-W48')
  .refine(isIsoWeek, 'is not a week of that year (only long years have a W53)')
  // Its dates must stay YYYY-MM-DD: the last week of 9999 ends in the year 10000.
  .refine((week) => !isIsoWeek(week) || DateTime.fromISO(`${week}-7`, { zone: 'UTC' }).year <= 9999, 'must end by 9999-12-31');

export const dateField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD')
  .refine((value) => DateTime.fromISO(value, { zone: 'UTC' }).isValid, 'is not a calendar date');

export const dateTimeField = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO-8601 date-time with an offset')
  .refine((value) => DateTime.fromISO(value, { setZone: true }).isValid, 'is not a valid date-time');

const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a local time HH:mm');
const minutes = (max: number) => z.int('must be an integer').min(1, 'must be more than 0').max(max, `must be at most ${max}`);

const shiftWindow = z
  .object({ name: z.string().regex(/^[A-Z][A-Z0-9_]{0,31}$/, 'must be 1–32 capitals, digits or "_"'), start: localTime, end: localTime })
  .refine((window) => window.start < window.end, { message: 'must end after it starts', path: ['end'] });

/** A whole duty policy, as stored once an update is merged over the current one. */
export const dutyPolicySchema = z.object({
  minSessionsPerWeek: z.int('must be an integer').min(1, 'must be more than 0').max(21, 'must be at most 21'),
  minSessionMinutes: minutes(1440),
  minEnforcementPerSession: z.int('must be an integer').min(0, 'must not be negative').max(20, 'must be at most 20'),
  minPartyMembersPerTeam: z.int('must be an integer').min(0, 'must not be negative').max(20, 'must be at most 20'),
  maxWeeklyDutyMinutes: minutes(10080),
  sessionsOnDistinctDays: z.boolean(),
  shiftWindows: z
    .array(shiftWindow)
    .min(1, 'needs at least one window')
    .max(6, 'at most 6 windows')
    .refine((windows) => new Set(windows.map((window) => window.name)).size === windows.length, 'window names must be unique'),
  checkInOpensMinutesBefore: z.int('must be an integer').min(0, 'must not be negative').max(240, 'must be at most 240').optional(),
  checkInRadiusMeters: z
    .int('must be an integer')
    .refine((metres) => metres === 0 || (metres >= 10 && metres <= 10_000), 'must be 0 (off) or 10 to 10000')
    .optional(),
});

export const updateDutyPolicyArguments = z.object({
  input: dutyPolicySchema.partial().extend({ expectedVersion: versionField.nullish() }),
});

const activityKind = z.enum([
  'SERVICE_SESSION',
  'PUBLICITY',
  'LAW_EDUCATION',
  'GARBAGE_SORTING',
  'GREENING',
  'MUNICIPAL_REPAIR',
  'PATROL',
  'TRAINING',
  'VOLUNTEER',
  'OTHER',
]);
const count = z.int('must be an integer').min(0, 'must not be negative').max(10_000_000, 'must be at most 10000000');
/** An activity's write checks each officer in one transaction (≤ 100 items with the activity, station and grid). */
const officerIds = z
  .array(idField)
  .max(50, 'at most 50 officers')
  .refine((ids) => new Set(ids).size === ids.length, 'must not repeat an officer');

const MAX_ACTIVITY_MS = 24 * 60 * 60 * 1000;

const activityFieldsSchema = z
  .object({
    kind: activityKind,
    title: nameField,
    stationId: absentIfNull(idField),
    gridId: absentIfNull(idField),
    startsAt: dateTimeField,
    endsAt: dateTimeField,
    officerIds: absentIfNull(officerIds).transform((ids) => ids ?? []),
    peopleReached: absentIfNull(count),
    materialsDistributed: absentIfNull(count),
    issuesFound: absentIfNull(count),
    notes: absentIfNull(noteField),
  })
  .superRefine((activity, context) => {
    const span = Date.parse(activity.endsAt) - Date.parse(activity.startsAt);
    if (!(span > 0)) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be after startsAt' });
    else if (span > MAX_ACTIVITY_MS) context.addIssue({ code: 'custom', path: ['endsAt'], message: 'must be at most 24 hours after startsAt' });
  });

const notes = noteField;

/** An activity's fields; endsAt after startsAt and at most 24 h later. */
export const recordActivityArguments = z.object({ input: activityFieldsSchema });

/**
 * An update: absent fields keep their value, null clears an optional one. The result is merged
 * over the stored activity and checked again with `recordActivityArguments`, so the time rules
 * hold for the activity as it will be.
 */
export const updateActivityArguments = z.object({
  input: z.object({
    id: idField,
    expectedVersion: versionField.nullish(),
    kind: activityKind.optional(),
    title: nameField.optional(),
    stationId: idField.nullish(),
    gridId: idField.nullish(),
    startsAt: dateTimeField.optional(),
    endsAt: dateTimeField.optional(),
    officerIds: officerIds.nullish(),
    peopleReached: count.nullish(),
    materialsDistributed: count.nullish(),
    issuesFound: count.nullish(),
    notes: notes.nullish(),
  }),
});

export const deleteActivityArguments = z.object({ id: idField, expectedVersion: versionField.nullish() });

/** verifyActivity: the activity, and optionally the version the supervisor looked at. */
export const verifyActivityArguments = deleteActivityArguments;

export const activitiesArguments = z.object({
  filter: z
    .object({
      stationId: idField.nullish(),
      gridId: idField.nullish(),
      kind: activityKind.nullish(),
      officerId: idField.nullish(),
      week: isoWeekField.nullish(),
    })
    .nullish(),
  ...pageArguments,
});

export const weekArguments = z.object({ week: isoWeekField });

export const generateRosterArguments = z.object({ week: isoWeekField, force: z.boolean().nullish().transform((force) => force ?? false) });

/** `<date>.<window>.<station id>`, as the planner names shifts. */
export const shiftIdField = z.string().regex(/^\d{4}-\d{2}-\d{2}\.[A-Z][A-Z0-9_]{0,31}\.[A-Za-z0-9_-]{1,64}$/, 'is not a shift id');

export const attendanceArguments = z.object({ shiftId: shiftIdField, officerId: absentIfNull(idField), location: absentIfNull(geoPointInputField) });

/** Leave longer than a year is refused: it is copied into each week it touches, in one transaction. */
/** Leave longer than this is refused: one transaction writes a copy into every week it touches. */
const MAX_LEAVE_DAYS = 366;

export const addLeaveArguments = z
  .object({
    officerId: idField,
    from: dateField,
    to: dateField,
    reason: absentIfNull(freeText(200)),
  })
  .superRefine((leave, context) => {
    if (leave.to < leave.from) context.addIssue({ code: 'custom', path: ['to'], message: 'must not be before from' });
    else if (DateTime.fromISO(leave.to).diff(DateTime.fromISO(leave.from), 'days').days + 1 > MAX_LEAVE_DAYS) {
      context.addIssue({ code: 'custom', path: ['to'], message: `leave is at most ${MAX_LEAVE_DAYS} days` });
    }
  });
