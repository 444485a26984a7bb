import { ConflictError } from '../../../functions/shared/errors';
import { checkExpectedVersion } from '../../../functions/domain/expected-version';

describe('checkExpectedVersion', () => {
  test.each([null, undefined])('given no expected version (%p), when checked, then any stored version is accepted', (expected) => {
    expect(() => checkExpectedVersion('Station s1', { version: 7 }, expected)).not.toThrow();
  });

  test('given the stored version, when checked, then it is accepted', () => {
    expect(() => checkExpectedVersion('Station s1', { version: 3 }, 3)).not.toThrow();
  });

  test('given a stale expected version, when checked, then CONFLICT names the subject, the stored and the expected version', () => {
    const check = () => checkExpectedVersion('Station s1', { version: 3 }, 2);

    expect(check).toThrow(ConflictError);
    expect(check).toThrow('Station s1 is at version 3, not the expected 2');
  });

  test('given a cause, when the check fails, then the CONFLICT keeps it', () => {
    const cause = new Error('ConditionalCheckFailed');
    let error: unknown;

    try {
      checkExpectedVersion('Activity a1', { version: 2 }, 1, { cause });
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toBeInstanceOf(ConflictError);
    expect((error as Error).cause).toBe(cause);
  });
});
