import type { GraphQLFormattedError } from 'graphql';

/** The HTTP status of each retryable code when nothing of the operation ran. */
const STATUS_OF: Readonly<Record<string, number>> = { RATE_LIMITED: 429, SERVICE_UNAVAILABLE: 503 };

/**
 * A RATE_LIMITED or SERVICE_UNAVAILABLE (deadline passed) answer tells the client when to come
 * back, as HTTP does: a `Retry-After` header with the longest wait any of its errors names, and
 * status 429 (503) when nothing of the operation ran (no data); 503 wins over 429.
 * `extensions.retryAfterSeconds` says the same in the body. Undefined when no error is
 * retryable with a wait.
 */
export function retryAfterOf(errors: readonly GraphQLFormattedError[] | undefined, data: unknown): { retryAfter: string; status?: number } | undefined {
  const retryable = (errors ?? []).filter((error) => String(error.extensions?.code) in STATUS_OF);
  const waits = retryable.map((error) => Number(error.extensions?.retryAfterSeconds)).filter((seconds) => Number.isFinite(seconds) && seconds > 0);
  if (waits.length === 0) return undefined;
  return { retryAfter: String(Math.max(...waits)), ...(data == null ? { status: Math.max(...retryable.map((error) => STATUS_OF[String(error.extensions?.code)]!)) } : {}) };
}
