import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { Role } from '../domain/caller';
import type { LocalSigningKey } from './signing-key';

/** Stands in for the Cognito user pool's issuer URL; the server accepts no other. */
export const LOCAL_ISSUER = 'local';
/** Stands in for the user pool client id (the ID token's audience). */
export const LOCAL_AUDIENCE = 'community-city-services';
export const TOKEN_LIFETIME_SECONDS = 12 * 60 * 60;

export interface LocalIdentity {
  role: Role;
  district: string;
  officerId?: string;
}

/**
 * Signs a token whose claims mirror a Cognito ID token of the deployed user pool: the groups
 * as a real array (API Gateway flattens them on the way to the handler), the district and
 * officer as custom attributes.
 */
export async function signLocalToken(key: LocalSigningKey, identity: LocalIdentity, now: Date = new Date()): Promise<string> {
  const subject = ['local', identity.district, identity.role.toLowerCase(), identity.officerId].filter(Boolean).join('-');
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    'cognito:groups': [identity.role],
    'cognito:username': subject,
    'custom:district': identity.district,
    ...(identity.officerId ? { 'custom:officerId': identity.officerId } : {}),
    token_use: 'id',
    auth_time: issuedAt,
  })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setSubject(subject)
    .setIssuer(LOCAL_ISSUER)
    .setAudience(LOCAL_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TOKEN_LIFETIME_SECONDS)
    .sign(key.privateKey);
}

/**
 * What API Gateway's JWT authorizer checks: signature, issuer, audience, expiry, and an issue
 * time that is not in the future (jose checks `iat` only with a maximum age). Answers the
 * verified claims; throws on anything else (the adapter then answers 401 without saying why,
 * as API Gateway does).
 */
export async function verifyLocalToken(key: LocalSigningKey, token: string): Promise<JWTPayload> {
  const { payload } = await jwtVerify(token, key.publicKey, {
    issuer: LOCAL_ISSUER,
    audience: LOCAL_AUDIENCE,
    algorithms: ['ES256'],
    requiredClaims: ['sub', 'exp', 'iat'],
    maxTokenAge: TOKEN_LIFETIME_SECONDS,
  });
  return payload;
}
