import { DateTime } from 'luxon';

/** Times are stored as UTC ISO strings and shown in the district's time zone. */
export function inZone(isoUtc: string, timezone: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(timezone).toISO({ suppressMilliseconds: true })!;
}

/** The district-local calendar date of an instant, `YYYY-MM-DD`. */
export function localDate(isoUtc: string, timezone: string): string {
  return DateTime.fromISO(isoUtc, { zone: 'utc' }).setZone(timezone).toISODate()!;
}

/** Any ISO-8601 instant with an offset, as the UTC ISO string it is stored as. */
export function toUtcIso(iso: string): string {
  return DateTime.fromISO(iso, { setZone: true }).toUTC().toISO()!;
}
