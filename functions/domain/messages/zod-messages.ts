import type * as z from 'zod';
import { en, zhCN } from 'zod/v4/locales';
import type { Language } from './language';

/**
 * zod's own messages (a required field given null, an unknown enum value, a number out of a
 * range we gave no message for) come from its locales, in each language the API answers in.
 * Named imports from the locales' index: the API's bundle keeps these two and drops zod's other
 * locales (test/infra/api-bundle-contents.test.ts).
 */
const LOCALES: Record<Language, (issue: z.core.$ZodRawIssue) => string | undefined> = {
  en: toText(en().localeError),
  'zh-CN': toText(zhCN().localeError),
};

function toText(map: z.core.$ZodErrorMap): (issue: z.core.$ZodRawIssue) => string | undefined {
  return (issue) => {
    const message = map(issue);
    return typeof message === 'string' ? message : (message?.message ?? undefined);
  };
}

/** zod's own message for an issue, in every language; English is what the error carries. */
export function zodMessages(issue: z.core.$ZodRawIssue): Record<Language, string> {
  const english = LOCALES.en(issue) ?? 'Invalid input';
  return { en: english, 'zh-CN': LOCALES['zh-CN'](issue) ?? english };
}
