import { dutyPolicyEvent } from '../../domain/events/policy-events';
import { checkExpectedVersion } from '../../domain/expected-version';
import * as z from 'zod';
import { requireOperation } from '../../domain/access-rules';
import type { Caller } from '../../domain/caller';
import type { DutyPolicy } from '../../domain/duty-policy';
import { dutyPolicySchema, updateDutyPolicyArguments } from '../../domain/validation/duty-inputs';
import { parseArguments } from '../../domain/validation/parse';
import { NotFoundError } from '../../shared/errors';
import type { Services } from '../services';

const wholePolicy = z.object({ input: dutyPolicySchema });

/**
 * updateDutyPolicy (ADMIN). The given fields are merged over the stored policy and the whole
 * policy is checked again (so `input.shiftWindows.1.end` is reported against the policy as it
 * would be), then written with a condition on the version read: a concurrent change is CONFLICT.
 */
export async function updateDutyPolicy(services: Services, caller: Caller | undefined, args: unknown): Promise<DutyPolicy & { version: number }> {
  const { districtId } = requireOperation(caller, 'editDutyPolicy');
  const { input } = parseArguments(updateDutyPolicyArguments, args);
  const { expectedVersion, ...change } = input;
  const district = await services.districts.get(districtId);
  if (!district) throw new NotFoundError('District', districtId);
  checkExpectedVersion(`District ${districtId}`, district, expectedVersion);
  const given = Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined && value !== null));
  const { input: policy } = parseArguments(wholePolicy, { input: { ...district.policy, ...given } });
  const event = dutyPolicyEvent({ districtId, timezone: district.timezone, at: services.clock().toISOString(), version: district.version + 1, policy });
  const updated = await services.districts.updateDutyPolicy(districtId, policy, district.version, event);
  return { ...updated.policy, version: updated.version };
}
