import { callerFromClaims } from '../../../functions/api/auth/claims';
import type { ClaimMapping } from '../../../functions/domain/deployment/identity';

/** A provider shaped like Keycloak with a groups mapper: other claim names, Chinese group values, two roles mapped. */
const KEYCLOAK: ClaimMapping = {
  claims: { district: 'org', roles: 'groups', officerId: 'employee_no' },
  roleValues: { ADMIN: '城管局管理员', OFFICER: 'cgj-officers' },
};

describe('callerFromClaims', () => {
  test("given API Gateway's flattened groups, when claims are read, then the caller has each known role", () => {
    expect(callerFromClaims({ sub: 'u1', 'custom:district': 'dingnan', 'cognito:groups': '[ADMIN SUPERVISOR]' })).toEqual({
      subject: 'u1',
      districtId: 'dingnan',
      roles: ['ADMIN', 'SUPERVISOR'],
    });
  });

  test("given a real array of groups and an officer id, when claims are read, then the officer's own id is kept", () => {
    expect(callerFromClaims({ sub: 'u2', 'custom:district': 'guiding', 'cognito:groups': ['OFFICER', 'UNKNOWN'], 'custom:officerId': 'o-7' })).toEqual({
      subject: 'u2',
      districtId: 'guiding',
      roles: ['OFFICER'],
      officerId: 'o-7',
    });
  });

  test.each([
    ['no claims', undefined],
    ['no district', { sub: 'u', 'cognito:groups': '[ADMIN]' }],
    ['a malformed district', { sub: 'u', 'custom:district': 'D#x', 'cognito:groups': '[ADMIN]' }],
    ['no known role', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': '[GUEST]' }],
    ['no subject', { 'custom:district': 'dingnan', 'cognito:groups': '[ADMIN]' }],
    ['a flattened group named "OFFICER,ADMIN"', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': '[OFFICER,ADMIN]' }],
    ['a group named "OFFICER,ADMIN" in a real array', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': ['OFFICER,ADMIN'] }],
    ['groups split by commas', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': 'ADMIN,SUPERVISOR' }],
    ['a bare group name outside the flattened form', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': 'ADMIN' }],
    ['a role in another case', { sub: 'u', 'custom:district': 'dingnan', 'cognito:groups': '[admin]' }],
  ])('given %s, when claims are read, then there is no caller (anonymous)', (_label, claims) => {
    expect(callerFromClaims(claims)).toBeUndefined();
  });
});

describe('callerFromClaims through an OIDC provider\'s mapping', () => {
  test("given the provider's claim names and group values, when claims are read, then they map onto the district, roles and officer", () => {
    expect(callerFromClaims({ sub: 'k1', org: 'dingnan', groups: '[cgj-officers 城管局管理员 other]', employee_no: 'dn-o-01-2' }, KEYCLOAK)).toEqual({
      subject: 'k1',
      districtId: 'dingnan',
      roles: ['ADMIN', 'OFFICER'],
      officerId: 'dn-o-01-2',
    });
  });

  test.each([
    ['Cognito\'s claim names', { sub: 'k', 'custom:district': 'dingnan', 'cognito:groups': '[ADMIN]' }],
    ['our role names instead of the provider\'s values', { sub: 'k', org: 'dingnan', groups: '[ADMIN OFFICER]' }],
    ['a value of a role the mapping leaves out', { sub: 'k', org: 'dingnan', groups: '[SUPERVISOR]' }],
    ['a bare group value outside the flattened form', { sub: 'k', org: 'dingnan', groups: 'cgj-officers' }],
  ])('given %s, when read through the mapping, then there is no caller (anonymous)', (_label, claims) => {
    expect(callerFromClaims(claims, KEYCLOAK)).toBeUndefined();
  });
});
