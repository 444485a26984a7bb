import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Language } from '../../domain/messages/language';
import { translateMessage } from '../../domain/messages/translate';
import { ApiError, RateLimitedError, type ApiErrorCode } from '../../shared/errors';
import { localizeError } from '../i18n/localize-errors';
import { ExportTooLargeError } from './file-response';

const STATUS: Record<ApiErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

/** Like the GraphQL API's masked errors: nothing from inside, in English (it names no field for a person to fix). */
const INTERNAL_MESSAGE = 'Internal server error';

const json = (statusCode: number, error: { message: string; extensions: Record<string, unknown> }, headers: Record<string, string> = {}): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  body: JSON.stringify({ errors: [error] }),
});

/**
 * An error as the export route answers it: the HTTP status of its code, and a body in the shape
 * the GraphQL API's errors have (`{ errors: [{ message, extensions: { code, fields } }] }`), so a
 * front end reads both alike; our messages in the request's language (BAD_USER_INPUT's fields
 * each naming its parameter). Anything unexpected is logged and answered as a bare 500.
 */
export function errorResponse(error: unknown, language: Language, logError: (error: unknown) => void): APIGatewayProxyStructuredResultV2 {
  if (error instanceof ApiError) {
    const localized = localizeError({ message: error.message, extensions: error.extensions() }, error, language);
    const headers: Record<string, string> = error.code === 'UNAUTHENTICATED' ? { 'www-authenticate': 'Bearer' } : {};
    if (error instanceof RateLimitedError) headers['retry-after'] = String(error.retryAfterSeconds);
    return json(STATUS[error.code], { message: localized.message, extensions: localized.extensions ?? { code: error.code } }, headers);
  }
  if (error instanceof ExportTooLargeError) {
    return json(413, { message: translateMessage(error.message, language), extensions: { code: error.code, bytes: error.bytes } });
  }
  logError(error);
  return json(500, { message: INTERNAL_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
}
