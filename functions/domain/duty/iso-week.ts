import { DateTime } from 'luxon';
import { WEEKDAYS, type Weekday } from '../vocabulary';

/**
 * ISO weeks in a district's time zone (docs/domain.md, Time and weeks): `2026-W48` runs from Monday 00:00 to the
 * next Monday 00:00, local time. Dates are district-local `YYYY-MM-DD`.
 */
export const ISO_WEEK_PATTERN = /^(\d{4})-W(0[1-9]|[1-4]\d|5[0-3])$/;


export interface WeekDay {
  /** 0 = Monday … 6 = Sunday. */
  index: number;
  date: string;
  weekday: Weekday;
}

/** True for a well-formed week that exists (W53 only in long years). */
export function isIsoWeek(week: string): boolean {
  return ISO_WEEK_PATTERN.test(week) && DateTime.fromISO(`${week}-1`, { zone: 'UTC' }).isValid;
}

function mondayOf(week: string, timezone: string): DateTime {
  if (!isIsoWeek(week)) throw new Error(`not an ISO week: ${week}`);
  return DateTime.fromISO(`${week}-1`, { zone: timezone }).startOf('day');
}

/** The seven local dates of the week, Monday first. */
export function daysOfWeek(week: string, timezone: string): WeekDay[] {
  const monday = mondayOf(week, timezone);
  return WEEKDAYS.map((weekday, index) => ({ index, weekday, date: monday.plus({ days: index }).toISODate()! }));
}

/** The week's bounds as instants: [Monday 00:00, next Monday 00:00) local time. */
export function weekBounds(week: string, timezone: string): { start: DateTime; end: DateTime } {
  const start = mondayOf(week, timezone);
  return { start, end: start.plus({ weeks: 1 }) };
}

const format = (moment: DateTime): string => `${moment.weekYear}-W${String(moment.weekNumber).padStart(2, '0')}`;

/** The ISO week an instant (ISO-8601 with offset) falls in, in the district's time zone. */
export function weekOfInstant(instant: string, timezone: string): string {
  return format(DateTime.fromISO(instant, { setZone: true }).setZone(timezone));
}

/** The ISO week of a local date. */
export function weekOfDate(date: string): string {
  return format(DateTime.fromISO(date, { zone: 'UTC' }));
}

/** The week `offset` weeks after the one containing `instant` (‑1: last week, 1: next week). */
export function weekRelativeTo(instant: Date | string, timezone: string, offset: number): string {
  const moment = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  return format(moment.setZone(timezone).plus({ weeks: offset }));
}

/** The district-local date of an instant. */
export function localDateOf(instant: Date | string, timezone: string): string {
  const moment = typeof instant === 'string' ? DateTime.fromISO(instant, { setZone: true }) : DateTime.fromJSDate(instant);
  return moment.setZone(timezone).toISODate()!;
}

/** A local date and `HH:mm` as an ISO-8601 instant with the zone's offset, e.g. `2026-11-23T08:00:00+08:00`. */
export function localInstant(date: string, time: string, timezone: string): string {
  return DateTime.fromISO(`${date}T${time}`, { zone: timezone }).toISO({ suppressMilliseconds: true })!;
}

/** Whole minutes from one instant to another. */
export function minutesBetween(from: string, to: string): number {
  return Math.floor((Date.parse(to) - Date.parse(from)) / 60_000);
}

/** Minutes of a local `HH:mm`–`HH:mm` window. */
export function windowMinutes(window: { start: string; end: string }): number {
  const toMinutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
  return toMinutes(window.end) - toMinutes(window.start);
}
