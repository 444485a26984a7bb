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
 * an active station of the issue's district, under the same per-code rate limit as reports.
 */
export async function confirmIssue(services: Services, caller: Caller | undefined, args: unknown, origin: { clientAddress?: string } = {}): Promise<IssueRecord> {
  const { id, serviceCode } = parseArguments(confirmIssueArguments, args);
  if (caller) return services.issues.confirm(caller.districtId, id);
  if (!serviceCode) throw BadUserInputError.of('serviceCode', 'is required to confirm without a token');
  const districtId = districtOfServiceCode(serviceCode);
  const station = await services.stations.findByServiceCode(districtId, serviceCode);
  if (!station?.active) throw unknownServiceCode('serviceCode');
  const policy = await services.issuePolicies.get(districtId);
  return services.issues.confirm(districtId, id, { serviceCode, clientAddress: origin.clientAddress, limits: publicLimitsOf(policy), at: services.clock() });
}
