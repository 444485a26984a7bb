import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { Caller, Role } from '../../domain/caller';
import { COGNITO_CLAIM_MAPPING, type ClaimMapping } from '../../domain/deployment/identity';
import { districtIdSchema } from '../../domain/vocabulary';

/**
 * Reads the caller from the claims API Gateway's JWT authorizer verified (a Cognito ID token,
 * or the district's OIDC provider's token; locally, the adapter's), through the district's claim
 * mapping (which claim holds the district, the groups, the officer id, and which group value is
 * which role). The authorizer passes claims as strings: a list such as `cognito:groups` arrives as
 * `"[ADMIN SUPERVISOR]"`, so both that form and a real array are accepted, and only group values
 * the mapping names exactly count. Claims that do not name a district and a mapped role give no
 * caller: the request is treated as anonymous.
 */
const claimsSchema = z.object({
  sub: z.string().min(1),
  district: districtIdSchema,
  groups: z.union([z.array(z.string()), z.string()]),
  officerId: z.string().min(1).optional(),
});

/** The claims API Gateway's JWT authorizer verified and put on the event; none on the public route. */
export function verifiedClaimsOf(event: APIGatewayProxyEventV2): Record<string, unknown> | undefined {
  return (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
}

export function callerFromClaims(claims: Record<string, unknown> | undefined, mapping: ClaimMapping = COGNITO_CLAIM_MAPPING): Caller | undefined {
  if (!claims) return undefined;
  const parsed = claimsSchema.safeParse({
    sub: claims.sub,
    district: claims[mapping.claims.district],
    groups: claims[mapping.claims.roles],
    officerId: claims[mapping.claims.officerId],
  });
  if (!parsed.success) return undefined;
  const groups = new Set(groupsOf(parsed.data.groups));
  const roles = (Object.entries(mapping.roleValues) as [Role, string][]).filter(([, value]) => groups.has(value)).map(([role]) => role);
  if (roles.length === 0) return undefined;
  return {
    subject: parsed.data.sub,
    districtId: parsed.data.district,
    roles,
    ...(parsed.data.officerId ? { officerId: parsed.data.officerId } : {}),
  };
}

/**
 * The group names, from the two forms the gateway produces: a real array, or an array it
 * flattened to `[A B]` (names separated by single spaces, inside brackets). Anything else is
 * no groups. Names are taken whole: `OFFICER,ADMIN` is one (unknown) group, never two roles.
 */
function groupsOf(groups: string[] | string): string[] {
  if (Array.isArray(groups)) return groups;
  const flattened = /^\[([^[\]]*)\]$/.exec(groups);
  return flattened ? flattened[1]!.split(' ').filter(Boolean) : [];
}
