import { SignJWT } from 'jose';
import type { Role } from '../domain/caller';
import { COGNITO_CLAIM_MAPPING, type ClaimMapping } from '../domain/deployment/identity';
import { SIGNING_ALGORITHM, type LocalSigningKey } from './signing-key';

/**
 * The local OIDC provider's issuer. Its name is fixed (the default port of `npm start`) so a
 * token signed by the CLI is accepted by a server on any port: each server serves the
 * provider's discovery document and JWKS itself (functions/local/oidc-provider.ts) and looks
 * them up at its own address.
 */
export const LOCAL_ISSUER = 'http://localhost:4000';
/** Stands in for the client id the provider issued to the district's apps (the token's audience). */
export const LOCAL_AUDIENCE = 'community-city-services';
export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export interface LocalIdentity {
  role: Role;
  district: string;
  officerId?: string;
}

/**
 * Signs a token shaped as the district's provider shapes them: its claim names and its group
 * value for the role, as the district file maps them (a Cognito district: a Cognito ID token's
 * `custom:district`, `cognito:groups` and `custom:officerId`). The groups are a real array (API
 * Gateway flattens them on the way to the handler). A role the mapping gives no group value to
 * cannot be signed in locally either.
 */
export async function signLocalToken(
  key: LocalSigningKey,
  identity: LocalIdentity,
  now: Date = new Date(),
  mapping: ClaimMapping = COGNITO_CLAIM_MAPPING,
): Promise<string> {
  const group = mapping.roleValues[identity.role];
  if (group === undefined) throw new Error(`the district's identity provider has no group for ${identity.role} (identity.roleValues in its district file)`);
  const subject = ['local', identity.district, identity.role.toLowerCase(), identity.officerId].filter(Boolean).join('-');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    [mapping.claims.roles]: [group],
    [mapping.claims.district]: identity.district,
    ...(identity.officerId ? { [mapping.claims.officerId]: identity.officerId } : {}),
    auth_time: issuedAt,
  })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}
