import type { z } from 'zod';
import { BadUserInputError } from '../../shared/errors';

/**
 * Validates GraphQL arguments with a zod schema. Every problem is reported at once, each with
 * the dotted path of its field (`input.location.lat`), as one BAD_USER_INPUT error.
 */
export function parseArguments<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  const parsed = schema.safeParse(args);
  if (parsed.success) return parsed.data;
  throw new BadUserInputError(
    parsed.error.issues.map((issue) => ({
      path: issue.path.map(String).join('.') || '(arguments)',
      message: issue.message,
    })),
  );
}
