import type { z } from 'zod';
import { BadUserInputError, type FieldProblem } from '../../shared/errors';
import type { Language } from '../messages/language';
import { zodMessages } from '../messages/zod-messages';

/**
 * BAD_USER_INPUT from a schema. Our own messages are English and the catalogue translates them;
 * zod's own messages (rules we gave no message) are kept in every language here, for the API to
 * answer in the request's. Clients see the same `code` and `fields` as from any BadUserInputError.
 */
export class InvalidArgumentsError extends BadUserInputError {
  constructor(
    fields: FieldProblem[],
    /** zod's own message of a field, by its index in `fields`, in each language; absent for our messages. */
    readonly zodMessages: ReadonlyMap<number, Readonly<Record<Language, string>>>,
  ) {
    super(fields);
  }
}

/**
 * Validates GraphQL arguments with a zod schema. Every problem is reported at once, each with
 * the dotted path of its field (`input.location.lat`), as one BAD_USER_INPUT error.
 */
export function parseArguments<S extends z.ZodType>(schema: S, args: unknown): z.output<S> {
  // zod asks this map only for issues whose rule has no message of ours, in the order of its issues.
  const ownMessages: { path: PropertyKey[]; messages: Record<Language, string> }[] = [];
  const parsed = schema.safeParse(args, {
    error: (issue) => {
      const messages = zodMessages(issue);
      ownMessages.push({ path: issue.path ?? [], messages });
      return messages.en;
    },
  });
  if (parsed.success) return parsed.data;
  const byField = new Map<number, Record<Language, string>>();
  let next = 0;
  const fields = parsed.error.issues.map((issue, index) => {
    const own = ownMessages[next];
    if (own && own.messages.en === issue.message && samePath(own.path, issue.path)) {
      byField.set(index, own.messages);
      next += 1;
    }
    return { path: issue.path.map(String).join('.') || '(arguments)', message: issue.message };
  });
  throw new InvalidArgumentsError(fields, byField);
}

const samePath = (a: readonly PropertyKey[], b: readonly PropertyKey[]): boolean => a.length === b.length && a.every((key, i) => key === b[i]);
