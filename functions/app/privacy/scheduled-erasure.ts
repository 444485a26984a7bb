import { erasureCutoff } from '../../domain/privacy/personal-data';
import type { Services } from '../services';

export interface ErasureRunSummary {
  districtId: string;
  /** Issues closed before this instant were due. */
  cutoff: string;
  erased: number;
}

/**
 * The daily erasure run of one district: every issue closed more than `retentionDays` ago that
 * still holds a reporter's data (a key range of the erasure index, no Scan) has it erased.
 * Idempotent: an erased issue leaves the index, so a rerun or a retry finds only what is left.
 */
export async function runScheduledErasure(services: Services, districtId: string, retentionDays: number, now: Date): Promise<ErasureRunSummary> {
  const cutoff = erasureCutoff(now, retentionDays);
  const due = await services.erasure.closedBefore(districtId, cutoff);
  const at = now.toISOString();
  let erased = 0;
  for (const { id } of due) {
    const issue = await services.issues.get(districtId, id);
    if (!issue) continue;
    await services.erasure.erase(issue, at);
    erased += 1;
  }
  return { districtId, cutoff, erased };
}
