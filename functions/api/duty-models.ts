import type { OfficerDuty, PendingSession, ServiceSession, StationVerdict } from '../domain/compliance/types';
import type { UnfilledDemand } from '../domain/roster/types';
import type { DutyPolicy } from '../domain/duty-policy';
import type { AttendanceItem } from '../store/attendance';
import type { ShiftRecord } from '../store/rosters';

/** GraphQL parents of the duty types that are not stored as such (codegen mappers). */
export type VersionedDutyPolicy = DutyPolicy & { version: number };

export type StationComplianceModel = StationVerdict & { districtId: string; week: string };

export interface AttendancePayloadModel {
  shift: ShiftRecord;
  attendance: AttendanceItem;
  changed: boolean;
}

export type UnfilledDemandModel = UnfilledDemand;
export type ServiceSessionModel = ServiceSession;
export type OfficerDutyModel = OfficerDuty;
export type PendingSessionModel = PendingSession;
