import type { RequestContext } from '../context';

/** How long a container trusts that an officer it has seen active still is. */
const DEFAULT_TRUST_MS = 30_000;
/** Entries kept before the cache starts over: a district has hundreds of officers, not tens of thousands. */
const MAX_ENTRIES = 10_000;

/**
 * A token keeps working until it expires (12 h), but a deactivated officer must lose access at
 * once. Before an operation runs, a token that names an officer is checked against the
 * officer's record: inactive or unknown, and the request goes on as anonymous (staff operations
 * answer UNAUTHENTICATED). The read goes through the request's officer loader, so nested officer
 * fields reuse it; an officer seen active is trusted for `trustMs` per container, so a busy
 * officer costs one read per half minute, not one per request. Deactivation therefore takes
 * effect within `trustMs` in the containers that saw the officer active, and at once elsewhere.
 */
export function activeOfficerCheck(options: { trustMs?: number } = {}): (contextValue: RequestContext) => Promise<void> {
  const trustMs = options.trustMs ?? DEFAULT_TRUST_MS;
  const activeUntil = new Map<string, number>();
  return async (contextValue) => {
    const caller = contextValue.caller;
    if (!caller?.officerId) return;
    const key = `${caller.districtId}#${caller.officerId}`;
    const now = contextValue.services.clock().getTime();
    if ((activeUntil.get(key) ?? 0) > now) return;
    const officer = await contextValue.loaders().officerById.load(caller.officerId);
    if (officer?.active) {
      if (activeUntil.size >= MAX_ENTRIES) activeUntil.clear();
      activeUntil.set(key, now + trustMs);
      return;
    }
    activeUntil.delete(key);
    contextValue.logger.warn('Token of an inactive or unknown officer treated as anonymous', { officerKnown: officer !== undefined });
    contextValue.caller = undefined;
  };
}
