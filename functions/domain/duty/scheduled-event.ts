import * as z from 'zod';
import { isoWeekField } from '../validation/duty-inputs';
import { weekRelativeTo } from './iso-week';

/**
 * What EventBridge Scheduler sends the duty jobs: the schedule's own fire time
 * (`<aws.scheduler.scheduled-time>`), so a retry hours later still works on the same week;
 * `week` overrides it for a manual run. Anything else is refused.
 */
const scheduledEventSchema = z.strictObject({
  scheduledTime: z.iso.datetime({ offset: true }).optional(),
  week: isoWeekField.optional(),
});

export type ScheduledEvent = z.infer<typeof scheduledEventSchema>;

export function parseScheduledEvent(event: unknown): ScheduledEvent {
  const parsed = scheduledEventSchema.safeParse(event ?? {});
  if (!parsed.success) throw new Error(`Invalid scheduled event: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`).join('; ')}`);
  return parsed.data;
}

/** The week a job works on: the event's `week`, else the week `offset` weeks from the fire time (or `now`) in the district. */
export function targetWeek(event: ScheduledEvent, timezone: string, offset: number, now: Date): string {
  return event.week ?? weekRelativeTo(event.scheduledTime ?? now, timezone, offset);
}
