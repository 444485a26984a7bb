import { currentDeadline, runWithDeadline } from '../../../functions/shared/deadline';

test('given work run under a deadline, when it reads the deadline after awaiting, then it sees that signal', async () => {
  const signal = new AbortController().signal;

  const seen = await runWithDeadline(signal, async () => {
    await Promise.resolve();
    return new Promise<AbortSignal | undefined>((resolve) => setImmediate(() => resolve(currentDeadline())));
  });

  expect(seen).toBe(signal);
});

test('given no request, when the deadline is read, then there is none', () => {
  expect(currentDeadline()).toBeUndefined();
});

test('given two requests at once, when each reads its deadline, then each sees its own', async () => {
  const first = new AbortController().signal;
  const second = new AbortController().signal;

  const seen = await Promise.all([first, second].map((signal) => runWithDeadline(signal, async () => (await Promise.resolve(), currentDeadline()))));

  expect(seen).toEqual([first, second]);
});
