import type { Caller } from '../../domain/caller';

/**
 * A deployment serves one district (`DISTRICT_ID`, set by its stack). Its JWT authorizer
 * already refuses tokens of other districts' user pools; this is the second lock, for a token
 * the authorizer accepted but whose `custom:district` names another district (an attribute
 * set wrongly by hand, a pool shared by mistake): that caller counts as anonymous, so
 * everything but the public lookup answers UNAUTHENTICATED. Without `DISTRICT_ID` (locally)
 * every district's caller is accepted and scoped by its own claim.
 */
export function callerOfDeployment(caller: Caller | undefined, deploymentDistrictId: string | undefined): Caller | undefined {
  if (!caller || deploymentDistrictId === undefined) return caller;
  return caller.districtId === deploymentDistrictId ? caller : undefined;
}
