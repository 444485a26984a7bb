import { ForbiddenError, UnauthenticatedError } from '../shared/errors';

export const ROLES = ['ADMIN', 'SUPERVISOR', 'OFFICER', 'SCHEDULER'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling, from a verified token. The district scopes every read and write. */
export interface Caller {
  subject: string;
  districtId: string;
  roles: Role[];
  /** Set on an officer's own token. */
  officerId?: string;
}

/** The caller, or UNAUTHENTICATED when the request carried no valid token. */
export function requireCaller(caller: Caller | undefined): Caller {
  if (!caller) throw new UnauthenticatedError();
  return caller;
}

/** The caller if it holds one of `roles`; UNAUTHENTICATED without a token, FORBIDDEN with the wrong role. */
export function requireRole(caller: Caller | undefined, ...roles: Role[]): Caller {
  const known = requireCaller(caller);
  if (!known.roles.some((role) => roles.includes(role))) {
    throw new ForbiddenError(`This operation needs the role ${roles.join(' or ')}`);
  }
  return known;
}

export function hasRole(caller: Caller | undefined, ...roles: Role[]): boolean {
  return !!caller && caller.roles.some((role) => roles.includes(role));
}
