import { isEnforcementRole } from '../duty/enforcement';
import { officerDuty } from './officer-duty';
import { sessionsByStation } from './sessions';
import { judgeStation } from './station-verdict';
import type { ComplianceInput, ComplianceResult } from './types';

/**
 * Evaluates one week of service-hour compliance for every station given (the active ones) —
 * docs/domain.md, Weekly compliance; Xi'an's rule by default. Pure: the same input gives the same result.
 */
export function evaluateCompliance(input: ComplianceInput): ComplianceResult {
  const roles = new Map(input.officers.map((officer) => [officer.id, officer.role]));
  const isEnforcement = (officerId: string) => {
    const role = roles.get(officerId);
    return role !== undefined && isEnforcementRole(role);
  };
  const { sessions, pending } = sessionsByStation(input, isEnforcement);
  const stations = [...input.stations]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((station) => judgeStation(station.id, sessions.get(station.id) ?? [], input.policy, pending.get(station.id) ?? []));
  const compliantCount = stations.filter((station) => station.compliant).length;
  return {
    week: input.week,
    stationCount: stations.length,
    compliantCount,
    complianceRate: stations.length > 0 ? compliantCount / stations.length : null,
    stations,
    officers: officerDuty(input),
  };
}
