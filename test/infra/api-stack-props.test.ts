import { App } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiStack, apiStackId } from '../../infra/api-stack';
import { districtFile } from '../support/seeded-district';

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

test("given front-end origins in the district file, when synthesized, then CORS allows exactly those origins", () => {
  const origins = ['https://dingnan.example.cn', 'https://admin.dingnan.example.cn'];
  const stack = new ApiStack(unbundledApp(), apiStackId('dingnan'), { district: { ...districtFile('dingnan'), allowedOrigins: origins } });
  Template.fromStack(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', {
    CorsConfiguration: { AllowOrigins: origins },
  });
});

test('given a wildcard origin, when the stack is built, then it is refused', () => {
  expect(
    () => new ApiStack(unbundledApp(), apiStackId('dingnan'), { district: { ...districtFile('dingnan'), allowedOrigins: ['*'] } }),
  ).toThrow(/not "\*"/);
});

test.each([
  ['http://127.0.0.1:8080/app', /"http:\/\/127\.0\.0\.1:8080\/app" must be an origin without a path, query or fragment: write http:\/\/127\.0\.0\.1:8080$/],
  ['http://127.0.0.1:8080/', /must not end with "\/"/],
  ['http://*.localhost', /not "\*"/],
])('given the origin "%s" passed around the district file, when the stack is built, then the synth error says what to write', (origin, message) => {
  expect(
    () => new ApiStack(unbundledApp(), apiStackId('dingnan'), { district: { ...districtFile('dingnan'), allowedOrigins: ['http://localhost:5173', origin] } }),
  ).toThrow(message);
});

test.each(['Dingnan', 'd', 'dingnan_county', ''])(
  'given the malformed district id "%s", when the stack is built, then it is refused',
  (districtId) => {
    const district = { ...districtFile('dingnan'), id: districtId };
    expect(() => new ApiStack(unbundledApp(), 'CommunityCityServices-bad', { district })).toThrow(/Invalid district id/);
  },
);

test('given another district, when synthesized, then its pool, API and logs service are named after it', () => {
  const template = Template.fromStack(new ApiStack(unbundledApp(), apiStackId('guiding'), { district: districtFile('guiding') }));
  template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolName: 'community-city-services-guiding' });
  template.hasResourceProperties('AWS::ApiGatewayV2::Api', { Name: 'community-city-services-guiding' });
  template.hasResourceProperties('AWS::Lambda::Function', {
    Environment: { Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: 'community-city-services-guiding', DISTRICT_ID: 'guiding' }) },
  });
});
