import { backoffDelay, backoffOf, sendUntilProcessed, type Backoff } from '../../../functions/store/backoff';

const withRandom = (random: () => number): Backoff => backoffOf({ baseDelayMs: 20, random }, { maxAttempts: 4, baseDelayMs: 25 });
const JUST_BELOW_ONE = 1 - Number.EPSILON;

describe('backoffDelay', () => {
  test('given the lowest random draw, when any retry waits, then the delay is 0 (full jitter reaches down to nothing)', () => {
    const backoff = withRandom(() => 0);

    expect([1, 2, 3, 8].map((retry) => backoffDelay(backoff, retry))).toEqual([0, 0, 0, 0]);
  });

  test('given the highest random draw, when retries 1 to 6 wait, then each delay stays below baseDelayMs · 2^(retry − 1)', () => {
    const backoff = withRandom(() => JUST_BELOW_ONE);

    for (let retry = 1; retry <= 6; retry += 1) {
      const bound = 20 * 2 ** (retry - 1);
      expect(backoffDelay(backoff, retry)).toBeLessThan(bound);
      expect(backoffDelay(backoff, retry)).toBeGreaterThan(bound * 0.999);
    }
  });

  test('given the same random draw, when the next retry waits, then its delay is twice the last', () => {
    const backoff = withRandom(() => 0.3);

    expect([1, 2, 3, 4].map((retry) => backoffDelay(backoff, retry))).toEqual([6, 12, 24, 48]);
  });

  test('given no options, when an operation takes its defaults, then they apply with Math.random as the source', () => {
    expect(backoffOf({}, { maxAttempts: 8, baseDelayMs: 25 })).toEqual({ maxAttempts: 8, baseDelayMs: 25, random: Math.random });
    expect(backoffOf({ maxAttempts: 2 }, { maxAttempts: 8, baseDelayMs: 25 })).toMatchObject({ maxAttempts: 2, baseDelayMs: 25 });
  });
});

describe('sendUntilProcessed', () => {
  const immediate = (maxAttempts: number): Backoff => ({ maxAttempts, baseDelayMs: 1, random: jest.fn(() => 0) });

  test('given items left unprocessed twice, when sent, then only the left-overs are resent, one random draw per retry', async () => {
    const backoff = immediate(8);
    const leftOver = [['b', 'c'], ['c'], []];
    const sent: string[][] = [];
    const send = async (pending: string[]) => {
      sent.push(pending);
      return leftOver[sent.length - 1]!;
    };

    await sendUntilProcessed(['a', 'b', 'c'], send, backoff, (left) => `${left} left`);

    expect(sent).toEqual([['a', 'b', 'c'], ['b', 'c'], ['c']]);
    expect(backoff.random).toHaveBeenCalledTimes(2);
  });

  test('given items that stay unprocessed, when the attempts run out, then it throws saying how much was left instead of answering partial work', async () => {
    const send = jest.fn(async (pending: string[]) => pending.slice(1));

    await expect(sendUntilProcessed(['a', 'b', 'c', 'd'], send, immediate(3), (left) => `BatchWriteItem left ${left} writes unprocessed`)).rejects.toThrow(
      'BatchWriteItem left 1 writes unprocessed after 3 attempts',
    );
    expect(send).toHaveBeenCalledTimes(3);
  });

  test('given nothing to send, when sent, then DynamoDB is not called', async () => {
    const send = jest.fn(async () => []);

    await sendUntilProcessed([], send, immediate(3), (left) => `${left} left`);

    expect(send).not.toHaveBeenCalled();
  });
});
