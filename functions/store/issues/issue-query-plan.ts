import type { IssueCategory, IssuePriority, IssueSource, IssueStatus } from '../../domain/vocabulary';
import { allOf, attributeFilter, type AttributeFilter, type KeyRange } from '../query';
import { indexPartition, type IssueIndex } from './issue-keys';

export interface IssueListFilter {
  status?: IssueStatus;
  category?: IssueCategory;
  source?: IssueSource;
  priority?: IssuePriority;
  gridId?: string;
  stationId?: string;
  assigneeId?: string;
  overdue?: boolean;
  /** UTC ISO instants: reported at or after `reportedFrom`, before `reportedTo`. */
  reportedFrom?: string;
  reportedTo?: string;
}

export interface IssueQueryPlan {
  index: IssueIndex;
  partition: string;
  range: KeyRange;
  filter?: AttributeFilter;
}

/**
 * Chooses the most selective index for a filter (assignee, grid, station, overdue, status,
 * else the district timeline) and leaves the other equalities to a FilterExpression on that
 * index's partition, so no list reads the whole district. All but the overdue index sort by
 * report time, so reportedFrom/To become key ranges; overdue issues are ordered by due time.
 */
export function planIssueQuery(districtId: string, filter: IssueListFilter, now: string): IssueQueryPlan {
  const d = districtId;
  const [index, partition]: [IssueIndex, string] = filter.assigneeId
    ? ['GSI5', indexPartition.assignee(d, filter.assigneeId)]
    : filter.gridId
      ? ['GSI4', indexPartition.grid(d, filter.gridId)]
      : filter.stationId
        ? ['GSI3', indexPartition.station(d, filter.stationId)]
        : filter.overdue === true
          ? ['GSI7', indexPartition.openByDue(d)]
          : filter.status
            ? ['GSI2', indexPartition.status(d, filter.status)]
            : ['GSI1', indexPartition.timeline(d)];
  const byDue = index === 'GSI7';
  const equals = {
    status: index === 'GSI2' ? undefined : filter.status,
    category: filter.category,
    source: filter.source,
    priority: filter.priority,
    gridId: index === 'GSI4' ? undefined : filter.gridId,
    stationId: index === 'GSI3' ? undefined : filter.stationId,
  };
  return {
    index,
    partition,
    range: keyRange(index, partition, byDue ? { to: now } : { from: filter.reportedFrom, to: filter.reportedTo }),
    filter: allOf(
      attributeFilter({ equals }),
      byDue ? reportedBetween(filter.reportedFrom, filter.reportedTo) : undefined,
      !byDue && filter.overdue !== undefined ? overdueFilter(filter.overdue, now) : undefined,
    ),
  };
}

function keyRange(index: IssueIndex, partition: string, { from, to }: { from?: string; to?: string }): KeyRange {
  const sortKey = `${index}SK`;
  const sort: KeyRange['sort'] =
    from && to ? { name: sortKey, between: [from, to] } : from ? { name: sortKey, atLeast: from } : to ? { name: sortKey, below: to } : undefined;
  return { indexName: index, partition: { name: `${index}PK`, value: partition }, ...(sort ? { sort } : {}), descending: true };
}

function reportedBetween(from: string | undefined, to: string | undefined): AttributeFilter | undefined {
  const clauses = [from ? '#reportedAt >= :reportedFrom' : '', to ? '#reportedAt < :reportedTo' : ''].filter(Boolean);
  if (clauses.length === 0) return undefined;
  return {
    expression: clauses.join(' AND '),
    names: { '#reportedAt': 'reportedAt' },
    values: { ...(from ? { ':reportedFrom': from } : {}), ...(to ? { ':reportedTo': to } : {}) },
  };
}

/** Overdue: open (in the open-by-due index) and due before now. */
function overdueFilter(overdue: boolean, now: string): AttributeFilter {
  const isOverdue = 'attribute_exists(#openByDue) AND #dueAt < :now';
  return {
    expression: overdue ? isOverdue : `NOT (${isOverdue})`,
    names: { '#openByDue': 'GSI7PK', '#dueAt': 'dueAt' },
    values: { ':now': now },
  };
}
