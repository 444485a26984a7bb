import DataLoader from 'dataloader';
import { BATCH_GET_LIMIT } from '../store/batch-get';
import type { ActivityRecord } from '../store/activities';
import type { AttendanceItem } from '../store/attendance';
import type { StoredComplianceReport } from '../store/compliance-reports';
import type { LeaveItem } from '../store/leave';
import type { StoredRoster } from '../store/rosters';
import type { Services } from '../app/services';

/**
 * Per-request loaders of the duty data. Each reads a week once per request (one Query of the
 * week's partition) and nested fields filter it in memory, so `stations { shifts(week) }` or
 * `officers { shifts(week) }` cost one round trip whatever the page size.
 */
export interface DutyLoaders {
  activityById: DataLoader<string, ActivityRecord | undefined>;
  activitiesOfWeek(week: string): Promise<ActivityRecord[]>;
  rosterOfWeek(week: string): Promise<StoredRoster | undefined>;
  attendanceOfWeek(week: string): Promise<AttendanceItem[]>;
  leaveOfWeek(week: string): Promise<LeaveItem[]>;
  complianceOfWeek(week: string): Promise<StoredComplianceReport | undefined>;
}

export function createDutyLoaders(services: Services, districtId: string): DutyLoaders {
  const { duty } = services;
  return {
    activityById: new DataLoader((ids) => duty.activities.batchGet(districtId, ids), { maxBatchSize: BATCH_GET_LIMIT }),
    activitiesOfWeek: perWeek((week) => duty.activities.ofWeek(districtId, week)),
    rosterOfWeek: perWeek((week) => duty.rosters.read(districtId, week)),
    attendanceOfWeek: perWeek((week) => duty.attendance.ofWeek(districtId, week)),
    leaveOfWeek: perWeek((week) => duty.leave.ofWeek(districtId, week)),
    complianceOfWeek: perWeek((week) => duty.complianceReports.read(districtId, week)),
  };
}

function perWeek<T>(load: (week: string) => Promise<T>): (week: string) => Promise<T> {
  const pending = new Map<string, Promise<T>>();
  return (week) => {
    if (!pending.has(week)) pending.set(week, load(week));
    return pending.get(week)!;
  };
}
