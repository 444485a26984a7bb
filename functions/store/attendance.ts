import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConflictError } from '../shared/errors';
import type { Store } from './client';
import { ATTENDANCE_PREFIX, attendanceKey, weekPartition } from './duty-keys';
import { partitionPrefix, queryAll, updateExpression } from './query';

export interface AttendanceItem {
  PK: string;
  SK: string;
  districtId: string;
  week: string;
  shiftId: string;
  officerId: string;
  checkedInAt: string;
  /** Who recorded it: the officer themself or a supervisor (the token's subject). */
  checkedInBy: string;
  checkedOutAt?: string;
  checkedOutBy?: string;
  /** Whole minutes after the shift's start; absent on records written before lateness was kept. */
  lateMinutes?: number;
  /** A supervisor recorded it for the officer. */
  onBehalf?: boolean;
  /** Metres from the station, when the check-in carried a location. */
  distanceMeters?: number;
}

/** What a check-in records besides who and when. */
export interface CheckInFacts {
  lateMinutes: number;
  onBehalf: boolean;
  distanceMeters?: number;
}

export interface AttendanceChange {
  attendance: AttendanceItem;
  /** False when the call repeated an earlier one and nothing was written. */
  changed: boolean;
}

/**
 * Check-ins and check-outs, one item per shift and officer in the week's partition. Both are
 * conditional writes, so a repeated call (a double tap, a retry) changes nothing and says so.
 */
export class AttendanceRepository {
  constructor(private readonly store: Store) {}

  ofWeek(districtId: string, week: string): Promise<AttendanceItem[]> {
    return queryAll<AttendanceItem>(this.store, partitionPrefix(weekPartition(districtId, week), ATTENDANCE_PREFIX));
  }

  async checkIn(districtId: string, week: string, shiftId: string, officerId: string, at: string, by: string, facts: CheckInFacts): Promise<AttendanceChange> {
    const item: AttendanceItem = {
      ...attendanceKey(districtId, week, shiftId, officerId),
      districtId,
      week,
      shiftId,
      officerId,
      checkedInAt: at,
      checkedInBy: by,
      lateMinutes: facts.lateMinutes,
      onBehalf: facts.onBehalf,
      ...(facts.distanceMeters === undefined ? {} : { distanceMeters: facts.distanceMeters }),
    };
    try {
      await this.store.doc.send(new PutCommand({ TableName: this.store.tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }));
      return { attendance: item, changed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      return { attendance: (await this.get(districtId, week, shiftId, officerId))!, changed: false };
    }
  }

  /** CONFLICT without a check-in first. */
  async checkOut(districtId: string, week: string, shiftId: string, officerId: string, at: string, by: string): Promise<AttendanceChange> {
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: attendanceKey(districtId, week, shiftId, officerId),
          ...updateExpression(
            { set: { checkedOutAt: at, checkedOutBy: by } },
            { expression: 'attribute_exists(checkedInAt) AND attribute_not_exists(checkedOutAt)' },
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return { attendance: output.Attributes as AttendanceItem, changed: true };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      const current = await this.get(districtId, week, shiftId, officerId);
      if (!current) throw new ConflictError(`Officer ${officerId} has not checked in to shift ${shiftId}`, { cause: error });
      return { attendance: current, changed: false };
    }
  }

  private async get(districtId: string, week: string, shiftId: string, officerId: string): Promise<AttendanceItem | undefined> {
    const output = await this.store.doc.send(
      new GetCommand({ TableName: this.store.tableName, Key: attendanceKey(districtId, week, shiftId, officerId), ConsistentRead: true }),
    );
    return output.Item as AttendanceItem | undefined;
  }
}
