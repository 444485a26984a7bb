import { districtOfServiceCode } from '../../domain/service-code';
import { confirmIssueArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { BadUserInputError } from '../../shared/errors';
import type { IssueRecord } from '../../store/issues/issue-record';
import { publicCallLimits } from '../../store/issues/rate-limit';
import type { RequestContext } from '../../api/context';

/**
 * "Me too": staff confirm within their district; a resident confirms through the service code of
 * an active station of the issue's district, under the same per-code rate limit as reports.
 */
export async function confirmIssue(context: RequestContext, args: unknown): Promise<IssueRecord> {
  const { id, serviceCode } = parseArguments(confirmIssueArguments, args);
  if (context.caller) return context.services.issues.confirm(context.caller.districtId, id, []);
  if (!serviceCode) throw BadUserInputError.of('serviceCode', 'is required to confirm without a token');
  const districtId = districtOfServiceCode(serviceCode);
  const station = await context.services.stations.findByServiceCode(districtId, serviceCode);
  if (!station?.active) throw BadUserInputError.of('serviceCode', 'is not the code of an active station');
  const policy = await context.services.issuePolicies.get(districtId);
  return context.services.issues.confirm(
    districtId,
    id,
    publicCallLimits(
      context.services.store,
      districtId,
      { serviceCode, clientAddress: context.clientAddress },
      { perCode: policy.publicReportsPerCodePerMinute, perAddress: policy.publicCallsPerAddressPerMinute },
      context.services.clock(),
    ),
  );
}
