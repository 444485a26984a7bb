import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { parseArguments } from '../../domain/validation/parse';
import { eraseReporterDataArguments } from '../../domain/validation/privacy-inputs';
import type { ErasedIssueRecord } from '../../store/privacy/issue-erasure';
import type { Services } from '../services';

/**
 * eraseReporterData (ADMIN): a person asks for their data to be erased, and it is, at once,
 * whatever the issue's state: the contact and the photos showing people. The case itself and
 * everything counted about it stay. Erasing an issue already erased answers it unchanged.
 */
export async function eraseReporterData(services: Services, caller: Caller | undefined, args: unknown): Promise<ErasedIssueRecord> {
  const { districtId } = requireOperation(caller, 'erasePersonalData');
  const { issueId } = parseArguments(eraseReporterDataArguments, args);
  const issue = await services.issues.require(districtId, issueId);
  return services.erasure.erase(issue, services.clock().toISOString());
}
