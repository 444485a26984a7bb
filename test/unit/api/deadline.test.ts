import { DEADLINE_MARGIN_MS, requestDeadline } from '../../../functions/api/deadline';

/** The remaining time is the Lambda context's, faked: nothing here waits. */
const remaining = (ms: number) => ({ getRemainingTimeInMillis: () => ms });

test('given less time left than the margin, when the deadline is taken, then it has already passed', () => {
  const deadline = requestDeadline(remaining(DEADLINE_MARGIN_MS - 1));

  expect(deadline!.aborted).toBe(true);
  expect((deadline!.reason as Error).name).toBe('TimeoutError');
});

test('given exactly the margin left, when the deadline is taken, then it has already passed', () => {
  expect(requestDeadline(remaining(DEADLINE_MARGIN_MS))!.aborted).toBe(true);
});

test('given ten seconds left, when the deadline is taken, then it has not passed yet', () => {
  expect(requestDeadline(remaining(10_000))!.aborted).toBe(false);
});

test('given a margin of its own, when the deadline is taken, then that margin is kept back', () => {
  expect(requestDeadline(remaining(3_000), { marginMs: 3_000 })!.aborted).toBe(true);
  expect(requestDeadline(remaining(3_000), { marginMs: 100 })!.aborted).toBe(false);
});

test('given a bare context without the remaining time, when the deadline is taken, then there is none', () => {
  expect(requestDeadline({})).toBeUndefined();
});
