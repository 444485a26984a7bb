import { holdsReporterData } from '../../domain/privacy/personal-data';
import type { IssueRecord } from '../issues/issue-record';

/** GSI8's partition of a district's closed issues that still hold a reporter's data, sorted by close time. */
export const erasablePartition = (districtId: string): string => `D#${districtId}#ISSUES#ERASABLE`;

type ErasableFacts = Pick<IssueRecord, 'districtId' | 'id' | 'status' | 'closedAt' | 'reporterContact' | 'photoUrls' | 'photosShowPeople'>;

/**
 * The erasure index's attributes of an issue's state: a closed issue holding a reporter's data
 * is in GSI8 under its close time (`<closedAt>#<id>`), so the erasure job finds those closed
 * before a cutoff with one key-range Query. Reopening or erasing takes it out again (undefined:
 * the attribute is removed).
 */
export function erasableIndexAttributes(issue: ErasableFacts): { GSI8PK: string | undefined; GSI8SK: string | undefined } {
  const erasable = issue.status === 'CLOSED' && !!issue.closedAt && holdsReporterData(issue);
  return {
    GSI8PK: erasable ? erasablePartition(issue.districtId) : undefined,
    GSI8SK: erasable ? `${issue.closedAt}#${issue.id}` : undefined,
  };
}
