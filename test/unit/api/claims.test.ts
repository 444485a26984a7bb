import { callerFromClaims } from '../../../functions/api/auth/claims';

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
