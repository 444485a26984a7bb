import { hasRole, requireCaller, type Caller } from '../../domain/caller';
import { ForbiddenError } from '../../shared/errors';
import type { OfficerRecord } from '../../store/officers';
import type { RequestContext } from '../context';

/**
 * Activities are recorded by ADMIN or SUPERVISOR, or by an OFFICER for an activity they took
 * part in (their own token names them). Anyone else: FORBIDDEN.
 */
export function requireActivityWriter(caller: Caller | undefined, officerIds: readonly string[]): Caller {
  const known = requireCaller(caller);
  if (hasRole(known, 'ADMIN', 'SUPERVISOR')) return known;
  if (hasRole(known, 'OFFICER') && known.officerId && officerIds.includes(known.officerId)) return known;
  throw new ForbiddenError('Recording an activity needs ADMIN or SUPERVISOR, or an officer who took part in it');
}

/** Officers by id through the request's loader (one BatchGetItem per level); unknown ids are skipped. */
export async function loadOfficers(context: RequestContext, ids: readonly string[]): Promise<OfficerRecord[]> {
  const officers = await context.loaders().officerById.loadMany([...ids]);
  return officers.filter((officer): officer is OfficerRecord => !!officer && !(officer instanceof Error));
}
