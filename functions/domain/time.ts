import { DateTime } from 'luxon';

/**
 * Every time the API answers, in one format: the district's offset and whole seconds
 * (`2026-11-21T09:30:05+08:00`), whatever the stored form (UTC ISO strings with milliseconds, or
 * a district offset).
 */
export function inZone(instant: string, timezone: string): string {
  return DateTime.fromISO(instant, { setZone: true }).setZone(timezone).set({ millisecond: 0 }).toISO({ suppressMilliseconds: true })!;
}

/** The district-local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(isoUtc: string, timezone: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(timezone).toISODate()!;
}

/** Any ISO-8601 instant with an offset, as the UTC ISO string it is stored as. */
export function toUtcIso(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toUTC().toISO()!;
}
