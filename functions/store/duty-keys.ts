import { districtPartition, type ItemKey } from './keys';

/**
 * Keys of the duty data. A week's roster, attendance, leave and compliance report live in the
 * week's own partition, `D#<district>#W#<week>`, so every read of a week is a Query of one
 * partition. Activities live in the district partition (so `activity(id)` is one GetItem) and
 * are indexed by week in GSI1 under the same week partition value.
 */
export const weekPartition = (districtId: string, week: string): string => `${districtPartition(districtId)}#W#${week}`;

export const ACTIVITY_PREFIX = 'ACTIVITY#';
export const activityKey = (districtId: string, id: string): ItemKey => ({ PK: districtPartition(districtId), SK: `${ACTIVITY_PREFIX}${id}` });

export const ROSTER_HEADER = 'ROSTER';
export const COMPLIANCE_HEADER = 'COMPLIANCE';

export const ATTENDANCE_PREFIX = 'ATTEND#';
export const attendanceKey = (districtId: string, week: string, shiftId: string, officerId: string): ItemKey => ({
  PK: weekPartition(districtId, week),
  SK: `${ATTENDANCE_PREFIX}${shiftId}#${officerId}`,
});

export const LEAVE_PREFIX = 'LEAVE#';
export const leaveKey = (districtId: string, week: string, officerId: string, from: string, to: string): ItemKey => ({
  PK: weekPartition(districtId, week),
  SK: `${LEAVE_PREFIX}${officerId}#${from}#${to}`,
});
