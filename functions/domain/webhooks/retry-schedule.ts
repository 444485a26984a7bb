/**
 * When a failed delivery is tried again. After the first attempt, seven retries spread over
 * 27.6 hours (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after each failure), so a receiver that
 * is down for a day still gets every event; after the last one the delivery is a dead letter,
 * which an ADMIN can replay. The same spacing as other Standard Webhooks senders, so receivers
 * see a familiar pattern.
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;

/** Attempts in all: the first and every retry. */
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;

/** When to try again after `attemptsMade` failed attempts, or undefined when the delivery is dead. */
export function nextAttemptAt(attemptsMade: number, failedAt: Date): Date | undefined {
  const delay = RETRY_DELAYS_SECONDS[attemptsMade - 1];
  return delay === undefined ? undefined : new Date(failedAt.getTime() + delay * 1000);
}

/**
 * An endpoint that has failed every attempt for this long (no success in between) is disabled,
 * with a reason its ADMIN reads in `webhookEndpoints`; its pending deliveries become dead letters
 * when next due. Five days: longer than one delivery's retries, so a single lost event never
 * disables an endpoint, short enough that a receiver gone for good stops costing attempts.
 */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 3600 * 1000;

/** Whether an endpoint failing since `failingSince` is disabled by a failure at `now`. */
export const failingTooLong = (failingSince: string, now: Date, limitMs = DISABLE_AFTER_FAILING_MS): boolean =>
  now.getTime() - Date.parse(failingSince) >= limitMs;
