import { planRoster } from '../../domain/roster/plan-roster';
import type { RosterPlan } from '../../domain/roster/types';
import { NotFoundError } from '../../shared/errors';
import type { DistrictRepository } from '../../store/districts';
import type { DutyRepositories } from '../../store/duty-repositories';
import type { OfficerRepository } from '../../store/officers';
import type { RosterSaveOutcome, StoredRoster } from '../../store/rosters';
import type { StationRepository } from '../../store/stations';

/** What the roster job reads and writes (a subset of the API's services). */
export interface RosterJobServices {
  districts: DistrictRepository;
  stations: StationRepository;
  officers: OfficerRepository;
  duty: Pick<DutyRepositories, 'leave' | 'rosters'>;
}

export interface RosterJobResult {
  outcome: RosterSaveOutcome;
  roster: StoredRoster;
  plan: RosterPlan;
}

/**
 * Plans `week` for the district and stores it: the one path behind `generateRoster`, the
 * scheduled Lambda and `npm run roster`. Reads the policy, the stations, the officers and the
 * week's leave (three Queries and a GetItem), plans (pure), and replaces the stored DRAFT; a
 * PUBLISHED week is kept unless `force`. Running it again on the same data stores the same
 * roster and reports UNCHANGED.
 */
export async function generateWeekRoster(
  services: RosterJobServices,
  districtId: string,
  week: string,
  options: { force: boolean; now: string },
): Promise<RosterJobResult> {
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  const [stations, officers, leave] = await Promise.all([
    services.stations.all(districtId),
    services.officers.all(districtId),
    services.duty.leave.ofWeek(districtId, week),
  ]);
  const plan = planRoster({
    week,
    timezone: district.timezone,
    policy: district.policy,
    stations: stations.map((station) => ({ id: station.id, active: station.active })),
    officers: officers.map((officer) => ({
      id: officer.id,
      role: officer.role,
      partyMember: officer.partyMember,
      stationId: officer.stationId,
      active: officer.active,
      unavailableWeekdays: officer.unavailableWeekdays,
      maxWeeklyDutyMinutes: officer.maxWeeklyDutyMinutes,
    })),
    leave: leave.map((entry) => ({ officerId: entry.officerId, from: entry.from, to: entry.to })),
  });
  const saved = await services.duty.rosters.save(districtId, plan, options.now, options.force);
  return { ...saved, plan };
}
