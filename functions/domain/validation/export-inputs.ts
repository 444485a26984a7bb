import * as z from 'zod';
import { EXPORT_FORMATS, EXPORT_KINDS } from '../exports';
import { isoWeekField } from './duty-inputs';

/** The kind of export, from the route's path (`/exports/{kind}`). */
export const exportKindArgument = z.object({ kind: z.enum(EXPORT_KINDS, 'must be compliance, roster or kpis') });

const formatField = z.enum(EXPORT_FORMATS, 'must be csv or xlsx');

/** A calendar month, as the monthly report (月报) names it. */
const monthField = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

/** `?week=2026-W47&format=xlsx`: the week's compliance report or roster. */
export const weeklyExportArguments = z.object({ week: isoWeekField, format: formatField });

/**
 * `?month=2026-11&format=csv`, or `?from=2026-11-01&to=2026-11-30&format=csv`: the period's
 * issue KPIs. The dates themselves are checked as issueStats checks them (issue-inputs.ts).
 */
export const kpiExportArguments = z
  .object({ month: monthField.optional(), from: z.string().optional(), to: z.string().optional(), format: formatField })
  .refine((args) => !(args.month && (args.from || args.to)), { path: ['month'], message: 'give month, or from and to, not both' })
  .refine((args) => !!args.month || (!!args.from && !!args.to), { path: ['month'], message: 'give month, or from and to' });
