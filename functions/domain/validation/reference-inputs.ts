import * as z from 'zod';
import { DISTRICT_ID_PATTERN, officerRoleSchema, stationKindSchema, weekdaySchema } from '../vocabulary';
import { absentIfNull, freeText, geoPointInputField, idField, nameField, pageArguments, polygonInputField, textField, versionField } from './fields';


export const amenitiesField = z.array(freeText(50)).max(30, 'at most 30 amenities');
/** A grid write checks every member exists in one transaction (100 items at most, with the grid, its code and station). */
const officerIds = z.array(idField).max(95, 'at most 95 officers per grid');
const phone = z.string().trim().regex(/^\+?[0-9][0-9 -]{4,19}$/, 'must be a phone number (digits, spaces, "-", optional leading "+")');
const weeklyMinutes = z.int('must be an integer').min(1, 'must be between 1 and 10080').max(10080, 'must be between 1 and 10080');
const weekdays = z.array(weekdaySchema).max(7).transform((days) => [...new Set(days)]);

/** Service codes start with the district id, so the public lookup finds the district without a token. */
export const serviceCodeField = z.string().trim().regex(new RegExp(`${DISTRICT_ID_PATTERN.source.slice(0, -1)}-[A-Z0-9]{4,12}$`), 'must look like "<district>-<4 to 12 capitals or digits>"');

export const idArguments = z.object({ id: idField });
export const deactivateArguments = z.object({ id: idField, expectedVersion: versionField.nullish() });

export const createStationArguments = z.object({
  input: z.object({
    name: nameField,
    kind: stationKindSchema,
    community: absentIfNull(textField),
    address: absentIfNull(textField),
    location: absentIfNull(geoPointInputField),
    amenities: absentIfNull(amenitiesField),
    serviceCode: absentIfNull(serviceCodeField),
  }),
});

export const updateStationArguments = z.object({
  input: z.object({
    id: idField,
    expectedVersion: versionField.nullish(),
    name: nameField.optional(),
    kind: stationKindSchema.optional(),
    community: absentIfNull(textField),
    address: absentIfNull(textField),
    location: absentIfNull(geoPointInputField),
    amenities: amenitiesField.optional(),
  }),
});

export const stationsArguments = z.object({
  filter: z.object({ kind: stationKindSchema.nullish(), community: textField.nullish(), active: z.boolean().nullish() }).nullish(),
  ...pageArguments,
});

export const serviceCodeArguments = z.object({ code: serviceCodeField });

export const createGridArguments = z.object({
  input: z.object({
    code: z.string().trim().regex(/^[A-Z0-9][A-Z0-9-]{0,31}$/, 'must be 1–32 capitals, digits or "-"'),
    name: nameField,
    community: absentIfNull(textField),
    stationId: idField,
    leaderId: absentIfNull(idField),
    officerIds: absentIfNull(officerIds),
    boundary: absentIfNull(polygonInputField),
  }),
});

export const updateGridArguments = z.object({
  input: z.object({
    id: idField,
    expectedVersion: versionField.nullish(),
    name: nameField.optional(),
    community: absentIfNull(textField),
    stationId: idField.optional(),
    leaderId: absentIfNull(idField),
    officerIds: officerIds.optional(),
    boundary: absentIfNull(polygonInputField),
  }),
});

export const gridsArguments = z.object({
  filter: z.object({ stationId: idField.nullish(), community: textField.nullish() }).nullish(),
  ...pageArguments,
});

export const createOfficerArguments = z.object({
  input: z.object({
    name: nameField,
    role: officerRoleSchema,
    partyMember: absentIfNull(z.boolean()),
    phone: absentIfNull(phone),
    stationId: absentIfNull(idField),
    unavailableWeekdays: absentIfNull(weekdays),
    maxWeeklyDutyMinutes: absentIfNull(weeklyMinutes),
  }),
});

export const updateOfficerArguments = z.object({
  input: z.object({
    id: idField,
    expectedVersion: versionField.nullish(),
    name: nameField.optional(),
    role: officerRoleSchema.optional(),
    partyMember: z.boolean().optional(),
    phone: absentIfNull(phone),
    stationId: absentIfNull(idField),
    unavailableWeekdays: weekdays.optional(),
    maxWeeklyDutyMinutes: absentIfNull(weeklyMinutes),
  }),
});

export const officersArguments = z.object({
  filter: z
    .object({ role: officerRoleSchema.nullish(), stationId: idField.nullish(), gridId: idField.nullish(), active: z.boolean().nullish() })
    .nullish(),
  ...pageArguments,
});
