import { issuePolicyEvent } from '../../domain/events/policy-events';
import { checkExpectedVersion } from '../../domain/expected-version';
import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import { mergeTimeLimits } from '../../domain/issues/issue-policy';
import { updateIssuePolicyArguments } from '../../domain/validation/issue-inputs';
import { parseArguments } from '../../domain/validation/parse';
import type { StoredIssuePolicy } from '../../store/issues/issue-policy-repository';
import type { Services } from '../services';

/**
 * updateIssuePolicy (ADMIN): given fields replace the stored ones, but time limits are set per
 * (category, priority), the others kept, unless `replaceTimeLimits` asks for the given list to be
 * the whole list. New time limits apply to issues reported afterwards.
 */
export async function updateIssuePolicy(services: Services, caller: Caller | undefined, args: unknown): Promise<StoredIssuePolicy> {
  const { districtId } = requireOperation(caller, 'editIssuePolicy');
  const { input } = parseArguments(updateIssuePolicyArguments, args);
  const { expectedVersion, replaceTimeLimits, ...changes } = input;
  const current = await services.issuePolicies.get(districtId);
  checkExpectedVersion('The issue policy', current, expectedVersion);
  const { version: _version, ...policy } = current;
  const defined = Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined));
  const timeLimits = changes.timeLimits && !replaceTimeLimits ? mergeTimeLimits(policy.timeLimits, changes.timeLimits) : (changes.timeLimits ?? policy.timeLimits);
  const next = { ...policy, ...defined, timeLimits };
  const timezone = await services.districts.timezoneOf(districtId);
  const event = issuePolicyEvent({ districtId, timezone, at: services.clock().toISOString(), version: current.version + 1, policy: next });
  return services.issuePolicies.replace(districtId, current, next, event);
}
