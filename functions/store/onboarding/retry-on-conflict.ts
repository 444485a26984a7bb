import { ConflictError } from '../../shared/errors';

/** Attempts per entity: a conflict means someone wrote the same item between our read and write. */
const MAX_ATTEMPTS = 3;

/**
 * Runs `attempt` again, reading afresh, when it lost a race (CONFLICT): a concurrent API write,
 * or an earlier interrupted run that already created the entity. Any other error, and a
 * conflict on the last attempt, is thrown.
 */
export async function retryOnConflict<T>(attempt: (fresh: boolean) => Promise<T>): Promise<T> {
  for (let number = 1; ; number += 1) {
    try {
      return await attempt(number > 1);
    } catch (error) {
      if (!(error instanceof ConflictError) || number >= MAX_ATTEMPTS) throw error;
    }
  }
}
