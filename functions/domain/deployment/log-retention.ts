import * as z from 'zod';

/**
 * China's Cybersecurity Law (article 21) requires network logs to be kept at least six months.
 * The floor is 180 days; a district may keep them longer, never shorter. CloudWatch Logs
 * accepts only these retention periods, so the file must name one of them.
 */
export const MIN_LOG_RETENTION_DAYS = 180;
export const LOG_RETENTION_CHOICES = [180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653] as const;

export const logRetentionDaysSchema = z
  .int()
  .refine((days) => days >= MIN_LOG_RETENTION_DAYS, `must be at least ${MIN_LOG_RETENTION_DAYS} days (logs are kept six months or more)`)
  .refine(
    (days) => days < MIN_LOG_RETENTION_DAYS || (LOG_RETENTION_CHOICES as readonly number[]).includes(days),
    `must be a period CloudWatch Logs offers: ${LOG_RETENTION_CHOICES.join(', ')}`,
  )
  .default(MIN_LOG_RETENTION_DAYS);
