import { DateTime } from 'luxon';
import * as z from 'zod';
import { parseArguments } from '../validation/parse';
import type { IssueCategory } from '../vocabulary';
import { isServiceCode } from './services';
import type { Open311Status } from './statuses';

/** The longest window `GET requests` and `servicerequestupdates` read, and the most results they answer. */
export const MAX_WINDOW_DAYS = 90;
export const MAX_RESULTS = 1000;
const MAX_IDS = 100;

export interface FeedWindow {
  /** UTC ISO instants, from inclusive, to exclusive. */
  from: string;
  to: string;
}

export interface RequestsQuery {
  ids?: string[];
  window: FeedWindow;
  category?: IssueCategory;
  statuses?: Open311Status[];
}

const optional = z
  .string()
  .transform((value) => value.trim())
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** A W3C date-time; without an offset it is read in the district's zone. */
const dateTime = (timezone: string) =>
  optional.pipe(
    z
      .string()
      .transform((value) => DateTime.fromISO(value, { zone: timezone, setZone: true }))
      .refine((value) => value.isValid, 'must be a W3C date-time such as 2026-11-23T08:00:00+08:00')
      .optional(),
  );

const windowFields = (timezone: string) => ({ start_date: dateTime(timezone), end_date: dateTime(timezone) });

function windowOf(start: DateTime | undefined, end: DateTime | undefined, now: Date, context: z.RefinementCtx): FeedWindow {
  const to = end ?? DateTime.fromJSDate(now);
  const from = start ?? to.minus({ days: MAX_WINDOW_DAYS });
  if (from >= to) context.addIssue({ code: 'custom', path: ['start_date'], message: 'must be before end_date' });
  else if (to.diff(from, 'days').days > MAX_WINDOW_DAYS) {
    context.addIssue({ code: 'custom', path: ['start_date'], message: `the window from start_date to end_date is at most ${MAX_WINDOW_DAYS} days` });
  }
  return { from: from.toUTC().toISO({ suppressMilliseconds: false })!, to: to.toUTC().toISO({ suppressMilliseconds: false })! };
}

/** `GET requests`: by ids (then nothing else applies, as the spec says), or by window, service and status. */
export function parseRequestsQuery(params: Record<string, string>, timezone: string, now: Date): RequestsQuery {
  const schema = z
    .object({
      ...windowFields(timezone),
      service_request_id: optional.pipe(
        z
          .string()
          .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
          .refine((ids) => ids.length <= MAX_IDS, `at most ${MAX_IDS} ids`)
          .optional(),
      ),
      service_code: optional.pipe(z.string().refine(isServiceCode, 'must be one of the service codes listed by services.json').optional()),
      status: optional.pipe(
        z
          .string()
          .transform((value) => value.split(',').map((status) => status.trim()))
          .refine((statuses) => statuses.every((status) => status === 'open' || status === 'closed'), 'must be open, closed or both, comma-separated')
          .optional(),
      ),
    })
    .transform((query, context) => ({
      ...(query.service_request_id ? { ids: query.service_request_id } : {}),
      window: windowOf(query.start_date, query.end_date, now, context),
      ...(query.service_code ? { category: query.service_code as IssueCategory } : {}),
      ...(query.status ? { statuses: [...new Set(query.status)] as Open311Status[] } : {}),
    }));
  return parseArguments(schema, params);
}

/** `servicerequestupdates`: a window of updates. */
export function parseUpdatesQuery(params: Record<string, string>, timezone: string, now: Date): FeedWindow {
  const schema = z.object(windowFields(timezone)).transform((query, context) => windowOf(query.start_date, query.end_date, now, context));
  return parseArguments(schema, params);
}
