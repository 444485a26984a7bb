import type { Template } from 'aws-cdk-lib/assertions';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { districtFile } from '../support/seeded-district';
import { districtsDirectoryOf, synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(300_000);

/** Two districts: xian-gangwu names two initial admins, dingnan none. */
const ADMINS = ['chief@gangwu.example.cn', 'ops@gangwu.example.cn'];
let synthesized: SynthesizedApp;
let districts: ReturnType<typeof districtsDirectoryOf>;

beforeAll(() => {
  districts = districtsDirectoryOf([{ content: districtFile('dingnan') }, { content: { ...districtFile('xian-gangwu'), adminEmails: ADMINS } }]);
  synthesized = synthesizeDistrictApp({ districtsDirectory: districts.directory });
});
afterAll(() => {
  synthesized.cleanup();
  districts.cleanup();
});

const templateOf = (id: string): Template => synthesized.templates[id]!;
const stackOf = (id: string) => synthesized.stacks.find((stack) => stack.district.id === id)!;
const onlyId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

describe('district data', () => {
  test('given a district stack, when synthesized, then its data resource is served by the provider framework in front of the onboarding function', () => {
    const template = templateOf('dingnan');
    const [resource] = Object.values(template.findResources('Custom::DistrictData'));
    const frameworkId = (resource!.Properties.ServiceToken as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
    const framework = template.findResources('AWS::Lambda::Function')[frameworkId]!;
    const onboardingId = (framework.Properties.Environment.Variables.USER_ON_EVENT_FUNCTION_ARN as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];

    expect(template.findResources('AWS::Lambda::Function')[onboardingId]!.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      Handler: 'index.handler',
      Timeout: 300,
      Environment: { Variables: { TABLE_NAME: { Ref: logicalIdOf(stackOf('dingnan').table) }, DISTRICT_ID: 'dingnan' } },
    });
  });

  test('given a district stack, when synthesized, then its data resource is removed without a trace but the table stays', () => {
    const template = templateOf('dingnan');
    template.hasResource('Custom::DistrictData', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::DynamoDB::Table', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('initial admins', () => {
  test('given two admin e-mails, when synthesized, then each becomes a user of this pool with the district claim, an existing user being left alone', () => {
    const template = templateOf('xian-gangwu');
    const pool = onlyId(template, 'AWS::Cognito::UserPool');
    const users = Object.values(template.findResources('Custom::DistrictAdminUser'));

    expect(users).toHaveLength(2);
    const calls = users.map((user) => {
      expect(user.Properties.InstallLatestAwsSdk).toBe(false);
      expect(user.Properties.Delete).toBeUndefined();
      const parts = (user.Properties.Create as { 'Fn::Join': [string, unknown[]] })['Fn::Join'][1];
      expect(parts).toContainEqual({ Ref: pool });
      return JSON.parse(parts.map((part) => (typeof part === 'string' ? part : 'POOL')).join(''));
    });
    expect(calls.map((call) => call.parameters.Username).sort()).toEqual(ADMINS);
    for (const call of calls) {
      expect(call).toMatchObject({
        service: 'CognitoIdentityProvider',
        action: 'AdminCreateUser',
        ignoreErrorCodesMatching: 'UsernameExistsException',
        parameters: {
          UserPoolId: 'POOL',
          DesiredDeliveryMediums: ['EMAIL'],
          UserAttributes: expect.arrayContaining([
            { Name: 'custom:district', Value: 'xian-gangwu' },
            { Name: 'email', Value: call.parameters.Username },
            { Name: 'email_verified', Value: 'true' },
          ]),
        },
      });
    }
  });

  test('given two admin e-mails, when synthesized, then each user joins ADMIN after both the user and the group exist', () => {
    const template = templateOf('xian-gangwu');
    const adminGroup = Object.entries(template.findResources('AWS::Cognito::UserPoolGroup')).find(([, group]) => group.Properties.GroupName === 'ADMIN')![0];
    const users = Object.keys(template.findResources('Custom::DistrictAdminUser'));
    const memberships = Object.values(template.findResources('Custom::DistrictAdminGroupMembership'));

    expect(memberships).toHaveLength(2);
    for (const membership of memberships) {
      expect(membership.Properties.Create['Fn::Join'][1].join('')).toContain('"action":"AdminAddUserToGroup"');
      expect(membership.Properties.Create['Fn::Join'][1].join('')).toContain('"GroupName":"ADMIN"');
      expect(membership.DependsOn).toEqual(expect.arrayContaining([adminGroup, expect.stringMatching(new RegExp(`^(${users.join('|')})$`))]));
    }
  });

  test('given no admin e-mails, when synthesized, then the stack makes no Cognito calls', () => {
    const template = templateOf('dingnan');
    template.resourceCountIs('Custom::DistrictAdminUser', 0);
    template.resourceCountIs('Custom::DistrictAdminGroupMembership', 0);
    // No function for Cognito calls: CDK's AwsCustomResource singleton, whose logical id is fixed, is absent.
    expect(Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) => id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'))).toEqual([]);
  });

  test('given initial admins, when the app is synthesized, then cdk-nag leaves nothing unacknowledged', () => {
    expect(synthesized.violations).toEqual([]);
  });
});
