import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Match, type Template } from 'aws-cdk-lib/assertions';
import { CHINA_RESOURCE_TYPES, CHINA_UNAVAILABLE_RESOURCE_TYPES } from '../../infra/china-availability';
import { buildDistrictApp } from '../../infra/district-app';
import { districtsDirectoryOf, synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(240_000);

const dingnan = JSON.parse(readFileSync(join(__dirname, '../../infra/districts/dingnan.json'), 'utf8')) as Record<string, unknown> & {
  stations: { serviceCode: string }[];
};

/** Dingnan's content under another id (its service codes follow the id). */
function districtLike(id: string, fields: Record<string, unknown>): Record<string, unknown> {
  return {
    ...dingnan,
    id,
    stations: dingnan.stations.map((station) => ({ ...station, serviceCode: station.serviceCode.replace('dingnan-', `${id}-`) })),
    ...fields,
  };
}

const OIDC = {
  kind: 'oidc',
  issuer: 'https://sso.example.gov.cn/realms/cgj',
  audience: 'cgj-staff-app',
  claims: { district: 'org', roles: 'groups', officerId: 'employee_no' },
  roleValues: { ADMIN: '城管局管理员', OFFICER: 'cgj-officers' },
};
const DOMAIN = { name: 'api.cgj.example.gov.cn', certificateArn: 'arn:aws-cn:acm:cn-northwest-1:123456789012:certificate/0a1b2c3d-0a1b-0a1b-0a1b-0a1b2c3d4e5f' };

let synthesized: SynthesizedApp;
let districts: ReturnType<typeof districtsDirectoryOf>;
let china: Template;
let commercial: Template;

beforeAll(() => {
  districts = districtsDirectoryOf([
    { content: districtLike('ningxia', { region: 'cn-northwest-1', identity: OIDC, domain: DOMAIN, logRetentionDays: 365, adminEmails: [] }) },
    { content: districtLike('hongkong', { region: 'ap-east-1', adminEmails: ['chief@example.com'], tracing: { sampleRate: 0.2 } }) },
  ]);
  synthesized = synthesizeDistrictApp({ districtsDirectory: districts.directory });
  china = synthesized.templates.ningxia!;
  commercial = synthesized.templates.hongkong!;
});
afterAll(() => {
  synthesized?.cleanup();
  districts?.cleanup();
});

const resourceTypes = (template: Template): string[] =>
  [...new Set(Object.values(template.toJSON().Resources as Record<string, { Type: string }>).map((resource) => resource.Type))].sort();

describe('a district in cn-northwest-1 with its own OIDC provider', () => {
  test('given the China district, when synthesized, then every resource type is one the China documentation lists', () => {
    const unlisted = resourceTypes(china).filter((type) => !(type in CHINA_RESOURCE_TYPES));

    expect(unlisted).toEqual([]);
    expect(resourceTypes(china).filter((type) => type in CHINA_UNAVAILABLE_RESOURCE_TYPES)).toEqual([]);
  });

  test('given the China district, when synthesized, then there is no Cognito resource at all', () => {
    expect(resourceTypes(china).filter((type) => type.startsWith('AWS::Cognito::') || type === 'Custom::AWS')).toEqual([]);
  });

  test('given the China district, when synthesized, then its ARNs name the aws-cn partition and none names aws', () => {
    const text = JSON.stringify(china.toJSON());

    expect(text).toContain('arn:aws-cn:');
    expect(text).not.toMatch(/arn:aws:/);
    expect(text).not.toContain('AWS::Partition');
  });

  test('given the China district, when synthesized, then the routes use a JWT authorizer on the OIDC issuer and audience, never a Cognito one', () => {
    china.resourceCountIs('AWS::ApiGatewayV2::Authorizer', 1);
    china.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: { Issuer: OIDC.issuer, Audience: [OIDC.audience] },
    });
  });

  test('given the China district, when synthesized, then the API reads claims through the file\'s mapping', () => {
    china.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ IDENTITY_CLAIM_MAPPING: JSON.stringify({ claims: OIDC.claims, roleValues: OIDC.roleValues }) }) },
    });
  });

  test('given the China district, when synthesized, then the export function reads its route\'s claims through the same mapping as the API', () => {
    const exportsFunction = Object.entries(china.findResources('AWS::Lambda::Function')).find(([id]) => id.startsWith('ExportsFunction'))![1];

    expect(exportsFunction.Properties.Environment.Variables.IDENTITY_CLAIM_MAPPING).toBe(JSON.stringify({ claims: OIDC.claims, roleValues: OIDC.roleValues }));
  });

  test('given the China district, when synthesized, then no function uses X-Ray (not available in the China regions)', () => {
    const functions = Object.values(china.findResources('AWS::Lambda::Function')) as { Properties: { TracingConfig?: { Mode: string } } }[];

    expect(functions.filter((fn) => fn.Properties.TracingConfig?.Mode === 'Active')).toEqual([]);
  });

  test('given the China district, when synthesized, then there is no X-Ray sampling rule and every function is told tracing is off', () => {
    const functions = Object.values(china.findResources('AWS::Lambda::Function')) as { Properties: { Environment?: { Variables?: Record<string, unknown> } } }[];

    china.resourceCountIs('AWS::XRay::SamplingRule', 0);
    expect(functions.length).toBeGreaterThan(0);
    expect(functions.filter((fn) => fn.Properties.Environment?.Variables?.POWERTOOLS_TRACE_ENABLED !== 'false')).toEqual([]);
  });

  test('given a China district file with a tracing rate, when the app is built, then the synth fails saying Lambda has no X-Ray integration there', () => {
    const bad = districtsDirectoryOf([{ content: districtLike('beijing', { region: 'cn-north-1', identity: OIDC, adminEmails: [], tracing: { sampleRate: 0.1 } }) }]);
    try {
      expect(() => buildDistrictApp({ districtsDirectory: bad.directory })).toThrow(/beijing\.json: tracing: cannot be set in cn-north-1: Lambda has no X-Ray integration in the China regions/);
    } finally {
      bad.cleanup();
    }
  });

  test('given a domain in the file, when synthesized, then the API has a regional custom domain with its certificate, mapped to the stage', () => {
    china.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: DOMAIN.name,
      DomainNameConfigurations: [{ CertificateArn: DOMAIN.certificateArn, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }],
    });
    china.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    china.hasOutput('ApiDomainTarget', {});
  });

  test('given both districts, when synthesized, then cdk-nag finds nothing unacknowledged', () => {
    expect(synthesized.violations).toEqual([]);
  });
});

describe('a commercial-region district with Cognito', () => {
  test('given ap-east-1 and no identity, when synthesized, then it keeps its user pool and a JWT authorizer on the pool', () => {
    commercial.resourceCountIs('AWS::Cognito::UserPool', 1);
    commercial.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      AuthorizerType: 'JWT',
      JwtConfiguration: { Issuer: Match.objectLike({ 'Fn::Join': Match.anyValue() }), Audience: [Match.objectLike({ Ref: Match.anyValue() })] },
    });
    commercial.hasOutput('UserPoolId', {});
  });

  test('given ap-east-1, when synthesized, then every function runs with X-Ray active tracing and its role may write trace segments', () => {
    const functions = Object.values(commercial.findResources('AWS::Lambda::Function')) as { Properties: { TracingConfig?: { Mode: string } } }[];

    expect(functions.length).toBeGreaterThan(0);
    expect(functions.filter((fn) => fn.Properties.TracingConfig?.Mode !== 'Active')).toEqual([]);
    commercial.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: Match.arrayWith([{ Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' }]) },
    });
  });

  test('given ap-east-1 and a tracing rate of 0.2 in its file, when synthesized, then one X-Ray sampling rule samples the district\'s functions at that rate', () => {
    commercial.resourceCountIs('AWS::XRay::SamplingRule', 1);
    commercial.hasResourceProperties('AWS::XRay::SamplingRule', {
      SamplingRule: {
        RuleName: 'ccs-hongkong',
        FixedRate: 0.2,
        ReservoirSize: 1,
        Priority: 9000,
        ServiceName: 'CommunityCityServices-hongkong-*',
        ServiceType: 'AWS::Lambda::Function',
        Host: '*',
        HTTPMethod: '*',
        URLPath: '*',
        ResourceARN: '*',
        Version: 1,
      },
    });
  });

  test('given ap-east-1, when synthesized, then every function of ours names its service for the tracer and the logger', () => {
    const functions = Object.entries(commercial.findResources('AWS::Lambda::Function')) as [string, { Properties: { Environment?: { Variables?: Record<string, unknown> }; Handler?: string } }][];
    // CDK's own custom-resource handlers (log retention, bucket notifications…) are not ours: they carry no NODE_ENV.
    const ours = functions.filter(([, fn]) => fn.Properties.Environment?.Variables?.NODE_ENV === 'production');

    expect(ours.length).toBeGreaterThanOrEqual(10);
    expect(ours.filter(([, fn]) => !/^community-city-services-hongkong(-[a-z0-9]+)?$/.test(String(fn.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME))).map(([id]) => id)).toEqual([]);
  });

  test('given a China region with identity cognito, when the app is built, then the synth fails saying Cognito is not available there', () => {
    const bad = districtsDirectoryOf([{ content: districtLike('beijing', { region: 'cn-north-1', identity: { kind: 'cognito' } }) }]);
    try {
      expect(() => buildDistrictApp({ districtsDirectory: bad.directory })).toThrow(
        /beijing\.json: identity\.kind: cannot be "cognito" in cn-north-1: Amazon Cognito user pools and Cognito authorizers are not available in the China regions/,
      );
    } finally {
      bad.cleanup();
    }
  });
});

describe('log retention and customer-managed keys', () => {
  const logGroups = (template: Template) => Object.values(template.findResources('AWS::Logs::LogGroup')) as { Properties: { RetentionInDays?: number; KmsKeyId?: unknown } }[];

  test('given no logRetentionDays, when synthesized, then every log group (API, jobs, access logs) is kept 180 days', () => {
    expect(logGroups(commercial).length).toBeGreaterThanOrEqual(5);
    expect(logGroups(commercial).map((group) => group.Properties.RetentionInDays)).toEqual(logGroups(commercial).map(() => 180));
  });

  test('given logRetentionDays 365, when synthesized, then every log group is kept a year', () => {
    expect(new Set(logGroups(china).map((group) => group.Properties.RetentionInDays))).toEqual(new Set([365]));
  });

  test.each([
    ['China', () => china],
    ['commercial', () => commercial],
  ])('given the %s district, when synthesized, then every key rotates and every log group, the table, the topic and the queue use one of them', (_label, template) => {
    const keys = template().findResources('AWS::KMS::Key') as Record<string, { Properties: { EnableKeyRotation: boolean } }>;
    const keyRef = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
    const idOf = (sid: string) => Object.keys(keys).find((id) => JSON.stringify(keys[id]).includes(`"Sid":"${sid}"`))!;

    expect(Object.values(keys).map((key) => key.Properties.EnableKeyRotation)).toEqual(Object.keys(keys).map(() => true));
    expect(logGroups(template()).map((group) => group.Properties.KmsKeyId)).toEqual(logGroups(template()).map(() => keyRef(idOf('CloudWatchLogsUse'))));
    template().hasResourceProperties('AWS::DynamoDB::Table', { SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: keyRef(idOf('UseThroughdynamodb')) } });
    template().hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: keyRef(idOf('CloudWatchAlarmsPublish')) });
    template().hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: keyRef(idOf('UseThroughsqs')), SqsManagedSseEnabled: Match.absent() });
  });

  test('given the alarm topic\'s key, when synthesized, then its policy lets CloudWatch alarms of this account encrypt for the topic', () => {
    china.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchAlarmsPublish',
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
            Condition: { StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } },
          }),
        ]),
      },
    });
  });

  test('given the logs key in the China region, when synthesized, then CloudWatch Logs of cn-northwest-1 may use it for this account\'s log groups only', () => {
    china.hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Sid: 'CloudWatchLogsUse',
            Principal: { Service: { 'Fn::Join': ['', ['logs.cn-northwest-1.', { Ref: 'AWS::URLSuffix' }]] } },
            Condition: {
              ArnLike: { 'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:aws-cn:logs:cn-northwest-1:', { Ref: 'AWS::AccountId' }, ':log-group:*']] } },
            },
          }),
        ]),
      },
    });
  });
});
