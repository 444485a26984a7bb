/**
 * Retries of a DynamoDB call that failed, or left work undone, for a passing reason
 * (throttling, a concurrent transaction): exponential backoff with full jitter, so clients that
 * failed together do not retry together.
 */
export interface BackoffOptions {
  /** Attempts in all, the first included. */
  maxAttempts?: number;
  /** Upper bound in ms of the delay before the first retry, doubled for each retry after it. */
  baseDelayMs?: number;
  /** Uniform in [0, 1): where below its bound a delay falls. Tests inject their own. */
  random?: () => number;
}

export type Backoff = Required<BackoffOptions>;

/** The caller's options over an operation's defaults. */
export const backoffOf = (options: BackoffOptions, defaults: { maxAttempts: number; baseDelayMs: number }): Backoff => ({
  maxAttempts: options.maxAttempts ?? defaults.maxAttempts,
  baseDelayMs: options.baseDelayMs ?? defaults.baseDelayMs,
  random: options.random ?? Math.random,
});

/** The delay before retry number `retry` (1 for the first): from 0 up to, not including, baseDelayMs · 2^(retry − 1). */
export const backoffDelay = (backoff: Backoff, retry: number): number => backoff.random() * backoff.baseDelayMs * 2 ** (retry - 1);

export const waitBeforeRetry = (backoff: Backoff, retry: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, backoffDelay(backoff, retry)));

/**
 * Sends `items`, then what DynamoDB answers it left unprocessed, backing off before each resend,
 * until nothing is left. When the attempts run out it throws rather than answer partial work;
 * `describe` says how much was left (`BatchGetItem left 3 keys unprocessed`).
 */
export async function sendUntilProcessed<I>(
  items: I[],
  send: (pending: I[]) => Promise<I[]>,
  backoff: Backoff,
  describe: (left: number) => string,
): Promise<void> {
  let pending = items;
  for (let attempt = 1; pending.length > 0; attempt += 1) {
    if (attempt > backoff.maxAttempts) throw new Error(`${describe(pending.length)} after ${backoff.maxAttempts} attempts`);
    if (attempt > 1) await waitBeforeRetry(backoff, attempt - 1);
    pending = await send(pending);
  }
}
