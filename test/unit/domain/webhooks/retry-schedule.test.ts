import { failingTooLong, MAX_ATTEMPTS, nextAttemptAt, RETRY_DELAYS_SECONDS } from '../../../../functions/domain/webhooks/retry-schedule';

const start = new Date('2026-11-29T00:00:00Z');

describe('webhook retry schedule', () => {
  test('given every failed attempt but the last, when the next is scheduled, then the retries together span at least 24 hours', () => {
    const total = RETRY_DELAYS_SECONDS.reduce((sum, delay) => sum + delay, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3600);
    expect(MAX_ATTEMPTS).toBe(RETRY_DELAYS_SECONDS.length + 1);
  });

  test('given the first failure, when scheduled, then it is retried after 5 seconds; the sixth after 10 hours', () => {
    expect(nextAttemptAt(1, start)?.toISOString()).toBe('2026-11-29T00:00:05.000Z');
    expect(nextAttemptAt(6, start)?.toISOString()).toBe('2026-11-29T10:00:00.000Z');
  });

  test('given the last attempt failed, when scheduled, then there is none: the delivery is dead', () => {
    expect(nextAttemptAt(MAX_ATTEMPTS, start)).toBeUndefined();
  });

  test('given an endpoint failing for just under and just over five days, when judged, then only the latter is failing too long', () => {
    expect(failingTooLong('2026-11-24T00:00:01Z', start)).toBe(false);
    expect(failingTooLong('2026-11-24T00:00:00Z', start)).toBe(true);
  });
});
