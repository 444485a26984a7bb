import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import { ROLES, type Caller, type Role } from '../../domain/caller';
import { districtIdSchema } from '../../domain/vocabulary';

/**
 * Reads the caller from the claims API Gateway's JWT authorizer verified (Cognito ID token;
 * locally, the adapter's tokens carry the same claims). The authorizer passes claims as
 * strings: a list such as `cognito:groups` arrives as `"[ADMIN SUPERVISOR]"`, so both that
 * form and a real array are accepted, and only exact role names count. Claims that do not name a district and a known role
 * give no caller: the request is treated as anonymous.
 */
const claimsSchema = z.object({
  sub: z.string().min(1),
  'custom:district': districtIdSchema,
  'cognito:groups': z.union([z.array(z.string()), z.string()]),
  'custom:officerId': z.string().min(1).optional(),
});

/** The claims API Gateway's JWT authorizer verified and put on the event; none on the public route. */
export function verifiedClaimsOf(event: APIGatewayProxyEventV2): Record<string, unknown> | undefined {
  return (event.requestContext as { authorizer?: { jwt?: { claims?: Record<string, unknown> } } }).authorizer?.jwt?.claims;
}

export function callerFromClaims(claims: Record<string, unknown> | undefined): Caller | undefined {
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const roles = groupsOf(parsed.data['cognito:groups']).filter((group): group is Role =>
    (ROLES as readonly string[]).includes(group),
  );
  if (roles.length === 0) return undefined;
  return {
    subject: parsed.data.sub,
    districtId: parsed.data['custom:district'],
    roles,
    ...(parsed.data['custom:officerId'] ? { officerId: parsed.data['custom:officerId'] } : {}),
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
