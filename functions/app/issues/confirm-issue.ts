import type { Caller } from '../../domain/caller';
import { publicLimitsOf } from '../../domain/issues/issue-policy';
import { districtOfServiceCode, unknownServiceCode } from '../../domain/service-code';
import { confirmIssueArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { BadUserInputError } from '../../shared/errors';
import type { IssueRecord } from '../../store/issues/issue-record';
import type { Services } from '../services';

/**
 * "Me too": staff confirm within their district; a resident confirms through the service code of
 * an active station of the issue's district, under the same per-code rate limit as reports. The
 * station's activity is a condition of the confirmation's transaction rather than a read before
 * it, so a resident's confirmation costs three sequential round trips (the code's claim beside the
 * policy; the write; the issue read back), and staff's two before the payload's relations.
 */
export async function confirmIssue(services: Services, caller: Caller | undefined, args: unknown, origin: { clientAddress?: string } = {}): Promise<IssueRecord> {
  const { id, serviceCode } = parseArguments(confirmIssueArguments, args);
  if (caller) return services.issues.confirm(caller.districtId, id);
  if (!serviceCode) throw BadUserInputError.of('serviceCode', 'is required to confirm without a token');
  const districtId = districtOfServiceCode(serviceCode);
  const [stationId, policy] = await Promise.all([services.stations.idOfServiceCode(districtId, serviceCode), services.issuePolicies.get(districtId)]);
  if (!stationId) throw unknownServiceCode('serviceCode');
  const activeStation = { ...services.stations.mustBeActive(districtId, stationId, 'serviceCode'), onConditionFailed: (options: ErrorOptions) => unknownServiceCode('serviceCode', options) };
  return services.issues.confirm(districtId, id, {
    publicCall: { serviceCode, clientAddress: origin.clientAddress, limits: publicLimitsOf(policy), at: services.clock() },
    checks: [activeStation],
  });
}
