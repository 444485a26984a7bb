import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { performance } from 'node:perf_hooks';

/** One DynamoDB command as the document client sent it. */
export interface StoreRequest {
  command: string;
  /** The command object as sent (its class and `input`), to send the same request again. */
  sent: { constructor: Function; input: unknown };
  startedAt: number;
  endedAt: number;
}

let recording: StoreRequest[] | undefined;

/**
 * Records every command any DynamoDB document client of this process sends while a recording is
 * open: the bench's own store and the one the real Lambda handler builds privately when its
 * module loads (which the bench cannot reach to add middleware to, as
 * test/support/counting-executor.ts does). It wraps `send` once, on the prototype, and costs a
 * branch when nothing records. Retries inside one command count once, as in the tests.
 */
export function installStoreRecorder(): void {
  const prototype = DynamoDBDocumentClient.prototype as unknown as { send: (...args: unknown[]) => Promise<unknown>; __benchRecorder?: true };
  if (prototype.__benchRecorder) return;
  const send = prototype.send;
  prototype.send = async function (this: unknown, ...args: unknown[]) {
    const log = recording;
    if (!log) return send.apply(this, args);
    const sent = args[0] as StoreRequest['sent'];
    const request: StoreRequest = { command: sent.constructor.name, sent, startedAt: performance.now(), endedAt: Number.NaN };
    log.push(request);
    try {
      return await send.apply(this, args);
    } finally {
      request.endedAt = performance.now();
    }
  };
  prototype.__benchRecorder = true;
}

/** Runs `work` and answers the store commands it sent. */
export async function recordStore<T>(work: () => Promise<T>): Promise<{ result: T; requests: StoreRequest[] }> {
  const requests: StoreRequest[] = [];
  recording = requests;
  try {
    return { result: await work(), requests };
  } finally {
    recording = undefined;
  }
}

/**
 * Sequential round trips: the longest chain of requests each started only after the previous
 * one ended. Requests that overlap in time share a level (a DataLoader batch, a Promise.all).
 */
export function roundTrips(requests: readonly StoreRequest[]): number {
  return Math.max(0, ...levelsOf(requests).map(({ level }) => level));
}

/** Each request with its level: 1 + the deepest level among the requests that ended before it started. */
export function levelsOf(requests: readonly StoreRequest[]): { request: StoreRequest; level: number }[] {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const levelled: { request: StoreRequest; level: number }[] = [];
  for (const request of sorted) {
    const before = levelled.filter((earlier) => earlier.request.endedAt <= request.startedAt).map(({ level }) => level);
    levelled.push({ request, level: 1 + Math.max(0, ...before) });
  }
  return levelled;
}

/** Wall time with at least one request in flight, in ms (the union of the requests' intervals). */
export function storeWallMs(requests: readonly StoreRequest[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  let total = 0;
  let [from, to] = [Number.NaN, Number.NaN];
  for (const { startedAt, endedAt } of sorted) {
    if (!(startedAt <= to)) {
      if (to > from) total += to - from;
      [from, to] = [startedAt, endedAt];
    } else to = Math.max(to, endedAt);
  }
  if (to > from) total += to - from;
  return total;
}
