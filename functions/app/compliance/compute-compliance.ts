import { evaluateCompliance } from '../../domain/compliance/evaluate-compliance';
import { NotFoundError } from '../../shared/errors';
import type { StoredComplianceReport } from '../../store/compliance-reports';
import type { DistrictRepository } from '../../store/districts';
import type { DutyRepositories } from '../../store/duty-repositories';
import type { OfficerRepository } from '../../store/officers';
import type { StationRepository } from '../../store/stations';
import type { SnapshotOutcome } from '../../store/week-snapshot';

/** What the compliance job reads and writes (a subset of the services). */
export interface ComplianceJobServices {
  districts: DistrictRepository;
  stations: StationRepository;
  officers: OfficerRepository;
  duty: Pick<DutyRepositories, 'activities' | 'rosters' | 'attendance' | 'complianceReports'>;
}

export interface ComplianceJobResult {
  outcome: SnapshotOutcome;
  report: StoredComplianceReport;
}

/**
 * Evaluates `week` for every active station and stores the report: the one path behind
 * `computeCompliance`, the scheduled Lambda and `npm run compliance`. Reads the district, its
 * stations and officers, and the week's activities, roster and attendance (Queries of the
 * week's partitions); the evaluation is pure. Running it again on the same data stores the
 * same report and reports UNCHANGED.
 */
export async function computeWeekCompliance(
  services: ComplianceJobServices,
  districtId: string,
  week: string,
  options: { now: string },
): Promise<ComplianceJobResult> {
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  const [stations, officers, activities, roster, attendance] = await Promise.all([
    services.stations.all(districtId),
    services.officers.all(districtId),
    services.duty.activities.ofWeek(districtId, week),
    services.duty.rosters.read(districtId, week),
    services.duty.attendance.ofWeek(districtId, week),
  ]);
  const result = evaluateCompliance({
    week,
    timezone: district.timezone,
    policy: district.policy,
    evaluatedAt: options.now,
    stations: stations.filter((station) => station.active).map((station) => ({ id: station.id })),
    officers: officers.map((officer) => ({ id: officer.id, role: officer.role })),
    activities,
    shifts: roster?.shifts ?? [],
    attendance,
  });
  return services.duty.complianceReports.save(districtId, result, options.now);
}
