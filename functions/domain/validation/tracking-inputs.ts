import * as z from 'zod';
import { satisfactionSchema } from '../vocabulary';
import { absentIfNull, freeText } from './fields';

/**
 * A tracking code as typed. Only its length is checked here: a code of the wrong shape is refused
 * like one that leads nowhere (domain/issues/tracking-code.ts), so the answer never says which part was wrong.
 */
const trackingCode = z.string().max(80, 'must be at most 80 characters');

export const trackIssueArguments = z.object({ trackingCode });

export const rateIssueArguments = z.object({
  trackingCode,
  satisfaction: satisfactionSchema,
  comment: absentIfNull(freeText(500, { multiline: true })),
});
