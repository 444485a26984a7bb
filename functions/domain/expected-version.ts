import { ConflictError } from '../shared/errors';

/**
 * Refuses a stale `expected` version: CONFLICT naming the version `subject` (`Station s1`,
 * `The issue policy`) is at. No expectation (null or undefined) accepts any version.
 */
export function checkExpectedVersion(subject: string, current: { version: number }, expected: number | null | undefined, options?: ErrorOptions): void {
  if (expected != null && expected !== current.version) {
    throw new ConflictError(`${subject} is at version ${current.version}, not the expected ${expected}`, options);
  }
}
