import { parseDistrictFile } from '../../../../functions/domain/district-file';

/** The smallest valid file; each test adds the deployment fields it is about. */
const minimal = { id: 'test-town', name: '测试镇', timezone: 'Asia/Shanghai' };

const oidc = {
  kind: 'oidc',
  issuer: 'https://sso.example.gov.cn/realms/cgj',
  audience: 'cgj-staff-app',
  claims: { district: 'org', roles: 'groups', officerId: 'employee_no' },
  roleValues: { ADMIN: '城管局管理员', OFFICER: 'cgj-officers' },
};

const parse = (fields: Record<string, unknown>) => parseDistrictFile({ ...minimal, ...fields }, 'test-town.json');

describe('identity and region of a district file', () => {
  test('given no region and no identity, when parsed, then the district keeps a Cognito user pool and 180-day logs', () => {
    const file = parse({});

    expect(file.identity).toEqual({ kind: 'cognito' });
    expect(file.region).toBeUndefined();
    expect(file.logRetentionDays).toBe(180);
  });

  test('given cn-northwest-1 and an OIDC provider, when parsed, then both are kept with the claim mapping', () => {
    const file = parse({ region: 'cn-northwest-1', identity: oidc });

    expect(file.region).toBe('cn-northwest-1');
    expect(file.identity).toEqual(oidc);
  });

  test('given a China region with identity cognito, when parsed, then the error says Cognito is not available there', () => {
    expect(() => parse({ region: 'cn-north-1', identity: { kind: 'cognito' } })).toThrow(
      /identity\.kind: cannot be "cognito" in cn-north-1: Amazon Cognito user pools and Cognito authorizers are not available in the China regions/,
    );
  });

  test('given a China region without identity, when parsed, then identity is required', () => {
    expect(() => parse({ region: 'cn-northwest-1' })).toThrow(/identity: is required in cn-northwest-1/);
  });

  test('given an OIDC district with adminEmails, when parsed, then the administrators are said to be the provider\'s', () => {
    expect(() => parse({ identity: oidc, adminEmails: ['chief@example.gov.cn'] })).toThrow(/adminEmails: must be empty for an OIDC district/);
  });

  test('given a China region with a provider on localhost, when parsed, then the issuer must be reachable', () => {
    expect(() => parse({ region: 'cn-northwest-1', identity: { ...oidc, issuer: 'http://localhost:4100' } })).toThrow(/identity\.issuer: must be reachable/);
  });

  test.each([
    ['an http issuer off this machine', { ...oidc, issuer: 'http://sso.example.gov.cn' }, /identity\.issuer: must be an https URL/],
    ['an issuer ending in "/"', { ...oidc, issuer: 'https://sso.example.gov.cn/' }, /identity\.issuer: must not end with "\/"/],
    ['no role mapped', { ...oidc, roleValues: {} }, /identity\.roleValues: must map at least one role/],
    ['an unknown role', { ...oidc, roleValues: { MAYOR: 'x' } }, /identity\.roleValues/],
    ['a group value with a space', { ...oidc, roleValues: { ADMIN: 'cgj admins' } }, /identity\.roleValues\.ADMIN: must be one group value/],
    ['a misspelt claims key', { ...oidc, claims: { ...oidc.claims, officer: 'x' } }, /identity\.claims/],
    ['an unknown kind', { kind: 'saml' }, /identity\.kind/],
  ])('given %s, when parsed, then the error names the field', (_label, identity, message) => {
    expect(() => parse({ identity })).toThrow(message);
  });

  test.each(['cn-south-1', 'us-gov-west-1', 'mars-1'])('given region %s, when parsed, then it is refused', (region) => {
    expect(() => parse({ region })).toThrow(/region: must be/);
  });
});

describe('custom domain and log retention', () => {
  const domain = { name: 'api.cgj.example.gov.cn', certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f' };

  test('given an ICP-filed name and its certificate, when parsed, then the domain is kept', () => {
    expect(parse({ domain }).domain).toEqual(domain);
  });

  test.each([
    ['an upper-case name', { ...domain, name: 'API.example.cn' }, /domain\.name/],
    ['a certificate of another service', { ...domain, certificateArn: 'arn:aws-cn:iam::123456789012:server-certificate/x' }, /domain\.certificateArn/],
  ])('given %s, when parsed, then the error names the field', (_label, value, message) => {
    expect(() => parse({ domain: value })).toThrow(message);
  });

  test('given 365 days, when parsed, then logs are kept a year', () => {
    expect(parse({ logRetentionDays: 365 }).logRetentionDays).toBe(365);
  });

  test.each([
    [30, /logRetentionDays: must be at least 180 days/],
    [200, /logRetentionDays: must be a period CloudWatch Logs offers/],
  ])('given %s days, when parsed, then it is refused', (days, message) => {
    expect(() => parse({ logRetentionDays: days })).toThrow(message);
  });
});
