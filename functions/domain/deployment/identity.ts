import * as z from 'zod';
import { ROLES, type Role } from '../caller';

/**
 * Where a district's staff sign in, and how their tokens' claims map onto the API's caller.
 * The handler reads the district, the roles and the officer id from the claims these names
 * give (functions/api/auth/claims.ts); a token's group values count as a role only through
 * `roleValues`, so a provider's own group names ("城管局管理员", "cgj-admins") never need to
 * equal ours.
 */
export interface ClaimMapping {
  claims: { district: string; roles: string; officerId: string };
  /** The provider's group value for each role; a role absent here is never granted by this provider. */
  roleValues: Partial<Record<Role, string>>;
}

/** The claims of a Cognito ID token of the district's user pool (infra/constructs/user-directory.ts): groups named as the roles. */
export const COGNITO_CLAIM_MAPPING: ClaimMapping = {
  claims: { district: 'custom:district', roles: 'cognito:groups', officerId: 'custom:officerId' },
  roleValues: Object.fromEntries(ROLES.map((role) => [role, role])) as Record<Role, string>,
};

/** A top-level claim name, as API Gateway hands claims over (nested claims are not addressable). */
const claimName = z
  .string()
  .regex(/^[A-Za-z0-9_:.-]{1,64}$/, 'must be a top-level claim name: 1–64 letters, digits, "_", ":", "." or "-"');

/** A group value: taken whole, so it may contain no space (API Gateway joins a list's values with spaces). */
const groupValue = z.string().regex(/^[^\s[\]]{1,128}$/, 'must be one group value: 1–128 characters, no spaces or brackets');

export const claimMappingSchema = z.strictObject({
  claims: z.strictObject({ district: claimName, roles: claimName, officerId: claimName }),
  roleValues: z
    .partialRecord(z.enum(ROLES), groupValue)
    .refine((values) => Object.keys(values).length > 0, 'must map at least one role'),
});

/** True for an issuer on this machine: a development provider the local server may trust, never a deployed stack. */
export function isLoopbackIssuer(issuer: string): boolean {
  const { protocol, hostname } = new URL(issuer);
  return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}

const issuerUrl = z
  .url()
  .refine(
    (value) => value.startsWith('https://') || isLoopbackIssuer(value),
    'must be an https URL: API Gateway fetches <issuer>/.well-known/openid-configuration (http only for a provider on localhost)',
  )
  .refine((value) => !value.endsWith('/'), 'must not end with "/": it is compared with the token\'s "iss" exactly');

export const identitySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('cognito') }),
  z.strictObject({
    kind: z.literal('oidc'),
    issuer: issuerUrl,
    /** The token's `aud` (or `client_id`) API Gateway accepts: the client id the provider issued to the district's apps. */
    audience: z.string().trim().min(1).max(256),
    ...claimMappingSchema.shape,
  }),
]);

export type Identity = z.output<typeof identitySchema>;

/** The claim mapping an identity implies: Cognito's fixed names, or the provider's as the district file maps them. */
export function claimMappingOf(identity: Identity): ClaimMapping {
  return identity.kind === 'cognito' ? COGNITO_CLAIM_MAPPING : { claims: identity.claims, roleValues: identity.roleValues };
}
