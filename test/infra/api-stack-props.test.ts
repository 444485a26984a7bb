import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStack, apiStackId } from '../../infra/api-stack';

jest.setTimeout(60_000);

let outdir: string;

beforeAll(() => {
  outdir = mkdtempSync(join(tmpdir(), 'ccs-infra-'));
});

afterAll(() => rmSync(outdir, { recursive: true, force: true }));

/** An app that skips asset bundling: these tests look at the template only, not the bundle. */
function unbundledApp(): App {
  return new App({ outdir: mkdtempSync(join(outdir, 'app-')), context: { 'aws:cdk:bundling-stacks': [] } });
}

test('given a district id, when the stack id is derived, then it names the district', () => {
  expect(apiStackId('dingnan')).toBe('CommunityCityServices-dingnan');
});

test('given front-end origins, when synthesized, then CORS allows exactly those origins', () => {
  const origins = ['https://dingnan.example.cn', 'https://admin.dingnan.example.cn'];
  const stack = new ApiStack(unbundledApp(), apiStackId('dingnan'), { districtId: 'dingnan', corsAllowOrigins: origins });
  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
    CorsConfiguration: { AllowOrigins: origins },
  });
});

test('given a wildcard origin, when the stack is built, then it is refused', () => {
  expect(
    () => new ApiStack(unbundledApp(), apiStackId('dingnan'), { districtId: 'dingnan', corsAllowOrigins: ['*'] }),
  ).toThrow(/not "\*"/);
});

test.each(['Dingnan', 'd', 'dingnan_county', ''])(
  'given the malformed district id "%s", when the stack is built, then it is refused',
  (districtId) => {
    expect(() => new ApiStack(unbundledApp(), 'CommunityCityServices-bad', { districtId })).toThrow(/Invalid district id/);
  },
);

test('given another district, when synthesized, then its pool, API and logs service are named after it', () => {
  const template = Template.fromStack(new ApiStack(unbundledApp(), apiStackId('guiding'), { districtId: 'guiding' }));
  template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'community-city-services-guiding' });
  template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'community-city-services-guiding' });
  template.hasResourceProperties('AWS::Lambda::Function', {
    Environment: { Variables: { POWERTOOLS_SERVICE_NAME: 'community-city-services-guiding' } },
  });
});
