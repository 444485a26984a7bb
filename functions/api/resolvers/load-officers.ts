import type { OfficerRecord } from '../../store/officers';
import type { RequestContext } from '../context';

/** Officers by id through the request's loader (one BatchGetItem per level); unknown ids are skipped. */
export async function loadOfficers(context: RequestContext, ids: readonly string[]): Promise<OfficerRecord[]> {
  const officers = await context.loaders().officerById.loadMany([...ids]);
  return officers.filter((officer): officer is OfficerRecord => !!officer && !(officer instanceof Error));
}
