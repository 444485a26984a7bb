import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The deadline of the request being served, as an abort signal that every store call of the
 * request is sent with (store/client.ts). It is carried by the request's async context rather
 * than through every repository's parameters, so no call (a use case's, a loader's, a nested
 * field's) can leave it out. Outside a request (jobs, tools, tests) there is none.
 */
const deadlines = new AsyncLocalStorage<AbortSignal>();

/** Runs `work` (and everything it starts) under `signal`. */
export const runWithDeadline = <T>(signal: AbortSignal, work: () => T): T => deadlines.run(signal, work);

/** The signal of the request being served, if any. */
export const currentDeadline = (): AbortSignal | undefined => deadlines.getStore();
