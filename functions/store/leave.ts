import { DateTime } from 'luxon';
import { weekOfDate } from '../domain/duty/iso-week';
import type { Store } from './client';
import { LEAVE_PREFIX, leaveKey, weekPartition } from './duty-keys';
import { partitionPrefix, queryAll } from './query';
import { transactWrite, type GuardedWrite } from './transact';

export interface LeaveItem {
  PK: string;
  SK: string;
  districtId: string;
  officerId: string;
  /** Both inclusive, district-local dates. */
  from: string;
  to: string;
  reason?: string;
}

/** The ISO weeks a date range touches, in order. */
export function weeksOf(from: string, to: string): string[] {
  const weeks: string[] = [];
  for (let day = DateTime.fromISO(from, { zone: 'UTC' }); day.toISODate()! <= to; day = day.plus({ weeks: 1 }).startOf('week')) {
    weeks.push(weekOfDate(day.toISODate()!));
  }
  return weeks;
}

/**
 * Dated leave. A leave is copied into every week partition it touches, so the planner reads a
 * week's leave with one Query. The copies and the check that the officer exists are one
 * transaction; the key is the officer and the dates, so recording the same leave again
 * changes nothing.
 */
export class LeaveRepository {
  constructor(private readonly store: Store) {}

  async add(districtId: string, leave: { officerId: string; from: string; to: string; reason?: string }, officerCheck: GuardedWrite): Promise<LeaveItem> {
    const copies = weeksOf(leave.from, leave.to).map(
      (week): LeaveItem => ({ ...leaveKey(districtId, week, leave.officerId, leave.from, leave.to), districtId, ...leave }),
    );
    await transactWrite(this.store, [
      officerCheck,
      ...copies.map((item): GuardedWrite => ({
        item: { Put: { TableName: this.store.tableName, Item: item } },
        // The put has no condition; a failure here is the officer check's.
        onConditionFailed: (options) => new Error('unreachable: an unconditional put has no condition to fail', options),
      })),
    ]);
    return copies[0]!;
  }

  ofWeek(districtId: string, week: string): Promise<LeaveItem[]> {
    return queryAll<LeaveItem>(this.store, partitionPrefix(weekPartition(districtId, week), LEAVE_PREFIX));
  }
}
