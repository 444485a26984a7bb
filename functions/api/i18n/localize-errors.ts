import type { GraphQLFormattedError } from 'graphql';
import type { Language } from '../../domain/messages/language';
import { invalidInputMessageInChinese, translateMessage } from '../../domain/messages/translate';
import { InvalidArgumentsError } from '../../domain/validation/parse';
import { BadUserInputError, type ApiError } from '../../shared/errors';

/** The codes whose messages are ours, written for people: answered in the request's language. The request errors' own (graphql-js's, or worded as Apollo Server's) stay English. */
const TRANSLATED_CODES: ReadonlySet<unknown> = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT', 'FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'SERVICE_UNAVAILABLE']);

/**
 * An error as formatted for the response (errors.ts), in `language`: its `message` and, for
 * BAD_USER_INPUT, each `extensions.fields[].message`. Codes, paths and every other extension are
 * kept as they are. `original` is the typed error it was formatted from, when there was one.
 */
export function localizeError(error: GraphQLFormattedError, original: ApiError | undefined, language: Language): GraphQLFormattedError {
  // A context made without a language (some tests' own) is English too.
  if (!language || language === 'en' || !TRANSLATED_CODES.has(error.extensions?.code)) return error;
  if (original instanceof BadUserInputError) {
    const fields = original.fields.map((field, index) => ({
      path: field.path,
      message: (original instanceof InvalidArgumentsError ? original.zodMessages.get(index)?.[language] : undefined) ?? translateMessage(field.message, language),
    }));
    return { ...error, message: invalidInputMessageInChinese(fields), extensions: { ...error.extensions, fields } };
  }
  return { ...error, message: translateMessage(error.message, language) };
}
