import { ActivityRepository } from './activities';
import { AttendanceRepository } from './attendance';
import type { Store } from './client';
import { ComplianceReportRepository } from './compliance-reports';
import { LeaveRepository } from './leave';
import { RosterRepository } from './rosters';

/** The duty data: activities, leave, weekly rosters, attendance and compliance reports. */
export interface DutyRepositories {
  activities: ActivityRepository;
  leave: LeaveRepository;
  rosters: RosterRepository;
  attendance: AttendanceRepository;
  complianceReports: ComplianceReportRepository;
}

export function createDutyRepositories(store: Store): DutyRepositories {
  return {
    activities: new ActivityRepository(store),
    leave: new LeaveRepository(store),
    rosters: new RosterRepository(store),
    attendance: new AttendanceRepository(store),
    complianceReports: new ComplianceReportRepository(store),
  };
}
