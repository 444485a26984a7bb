import { isOpen } from '../../domain/issues/workflow';
import type { ItemKey } from '../keys';
import { erasableIndexAttributes } from '../privacy/erasable-index';
import type { IssueRecord } from './issue-record';

/**
 * Issue keys. An issue's partition holds the issue and its history (one Query reads both).
 * The indexes, all prefixed by the district, answer the list filters without Scan:
 *   GSI1 district timeline, GSI2 by status, GSI3 by station, GSI4 by grid, GSI5 by assignee
 *   (sort key `<reportedAt>#<id>`: newest first, reportedFrom/To as key ranges);
 *   GSI6 open issues by category (duplicates); GSI7 open issues by due time (overdue).
 *   GSI8 closed issues still holding a reporter's data, by close time (erasure; store/privacy/erasable-index.ts).
 * GSI1 also holds every history event, in the district's updates partition (eventIndexAttributes).
 * GSI3–8 are sparse: an issue is in them only while it has the attribute.
 */
export const issuePartition = (districtId: string, issueId: string): string => `D#${districtId}#ISSUE#${issueId}`;

export const issuePartitionPrefix = (districtId: string): string => `D#${districtId}#ISSUE#`;

export const issueKey = (districtId: string, issueId: string): ItemKey => ({ PK: issuePartition(districtId, issueId), SK: 'ISSUE' });

export const eventKey = (districtId: string, issueId: string, sequence: number): ItemKey => ({
  PK: issuePartition(districtId, issueId),
  SK: `EVENT#${String(sequence).padStart(6, '0')}`,
});

/** The sequence number of a history event, from its key (the inverse of eventKey). */
export const eventSequence = (key: ItemKey): number => Number(key.SK.slice('EVENT#'.length));

export type IssueIndex = 'GSI1' | 'GSI2' | 'GSI3' | 'GSI4' | 'GSI5' | 'GSI6' | 'GSI7';

export const indexPartition = {
  timeline: (d: string) => `D#${d}#ISSUES`,
  status: (d: string, status: string) => `D#${d}#ISSUES#STATUS#${status}`,
  station: (d: string, stationId: string) => `D#${d}#ISSUES#STATION#${stationId}`,
  grid: (d: string, gridId: string) => `D#${d}#ISSUES#GRID#${gridId}`,
  assignee: (d: string, officerId: string) => `D#${d}#ISSUES#ASSIGNEE#${officerId}`,
  openByCategory: (d: string, category: string) => `D#${d}#ISSUES#OPEN#${category}`,
  openByDue: (d: string) => `D#${d}#ISSUES#OPEN`,
  updates: (d: string) => `D#${d}#ISSUE_UPDATES`,
};

/**
 * History events are also in the district timeline index (GSI1), in their own partition ordered
 * by time: the feed of every issue's updates (Open311's service request updates) without Scan.
 */
export const eventIndexAttributes = (districtId: string, issueId: string, sequence: number, at: string): Record<string, string> => ({
  GSI1PK: indexPartition.updates(districtId),
  GSI1SK: `${at}#${issueId}#${String(sequence).padStart(6, '0')}`,
});

type IndexFacts = Pick<
  IssueRecord,
  'districtId' | 'id' | 'status' | 'reportedAt' | 'dueAt' | 'category' | 'stationId' | 'gridId' | 'assigneeId' | 'closedAt' | 'reporterContact' | 'photoUrls' | 'photosShowPeople'
>;

/** The index attributes of an issue's state; `undefined` means the attribute must be removed. */
export function indexAttributes(issue: IndexFacts): Record<string, string | undefined> {
  const d = issue.districtId;
  const byReport = `${issue.reportedAt}#${issue.id}`;
  const open = isOpen(issue.status);
  return {
    GSI1PK: indexPartition.timeline(d),
    GSI1SK: byReport,
    GSI2PK: indexPartition.status(d, issue.status),
    GSI2SK: byReport,
    GSI3PK: issue.stationId ? indexPartition.station(d, issue.stationId) : undefined,
    GSI3SK: issue.stationId ? byReport : undefined,
    GSI4PK: issue.gridId ? indexPartition.grid(d, issue.gridId) : undefined,
    GSI4SK: issue.gridId ? byReport : undefined,
    GSI5PK: issue.assigneeId ? indexPartition.assignee(d, issue.assigneeId) : undefined,
    GSI5SK: issue.assigneeId ? byReport : undefined,
    GSI6PK: open ? indexPartition.openByCategory(d, issue.category) : undefined,
    GSI6SK: open ? byReport : undefined,
    GSI7PK: open ? indexPartition.openByDue(d) : undefined,
    GSI7SK: open ? `${issue.dueAt}#${issue.id}` : undefined,
    ...erasableIndexAttributes(issue),
  };
}
