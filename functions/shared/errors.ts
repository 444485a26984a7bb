/**
 * Typed errors with stable codes. The data-access layer translates SDK errors into these,
 * keeping the SDK error as `cause` (for logs; the API never shows it);
 * the API layer turns them into GraphQL errors with `extensions.code`. Anything that is not
 * an ApiError is unexpected and gets masked as INTERNAL_SERVER_ERROR.
 */
export type ApiErrorCode = 'BAD_USER_INPUT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE';

export interface FieldProblem {
  /** Dotted path of the offending field, e.g. `input.location.lat`. */
  path: string;
  message: string;
}

export abstract class ApiError extends Error {
  abstract readonly code: ApiErrorCode;

  extensions(): Record<string, unknown> {
    return { code: this.code };
  }
}

export class BadUserInputError extends ApiError {
  readonly code = 'BAD_USER_INPUT';

  constructor(readonly fields: FieldProblem[], options?: ErrorOptions) {
    super(`Invalid input: ${fields.map((field) => `${field.path}: ${field.message}`).join('; ')}`, options);
    this.name = 'BadUserInputError';
  }

  static of(path: string, message: string, options?: ErrorOptions): BadUserInputError {
    return new BadUserInputError([{ path, message }], options);
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, fields: this.fields };
  }
}

export class NotFoundError extends ApiError {
  readonly code = 'NOT_FOUND';

  constructor(readonly entity: string, readonly id: string, options?: ErrorOptions) {
    super(`${entity} ${id} not found`, options);
    this.name = 'NotFoundError';
  }
}

export class ConflictError extends ApiError {
  readonly code = 'CONFLICT';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

export class UnauthenticatedError extends ApiError {
  readonly code = 'UNAUTHENTICATED';

  constructor() {
    super('A valid bearer token is required');
    this.name = 'UnauthenticatedError';
  }
}

export class ForbiddenError extends ApiError {
  readonly code = 'FORBIDDEN';

  constructor(message: string) {
    super(message);
    this.name = 'ForbiddenError';
  }
}

/** Too many calls in a window (public reports per service code); `retryAfterSeconds` says when to try again. */
export class RateLimitedError extends ApiError {
  readonly code = 'RATE_LIMITED';

  constructor(message: string, readonly retryAfterSeconds: number, options?: ErrorOptions) {
    super(message, options);
    this.name = 'RateLimitedError';
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, retryAfterSeconds: this.retryAfterSeconds };
  }
}

/**
 * The request ran out of time (its deadline, functions/shared/deadline.ts) before the store
 * answered: retryable. What was not committed was not written (every write is one conditional
 * item or one transaction); `retryAfterSeconds` says when to try again.
 */
export class ServiceUnavailableError extends ApiError {
  readonly code = 'SERVICE_UNAVAILABLE';

  constructor(readonly retryAfterSeconds: number, options?: ErrorOptions) {
    super('The service is busy and could not answer in time; try again later', options);
    this.name = 'ServiceUnavailableError';
  }

  override extensions(): Record<string, unknown> {
    return { code: this.code, retryAfterSeconds: this.retryAfterSeconds };
  }
}
