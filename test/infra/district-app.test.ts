import { createHash } from 'node:crypto';
import type { Template } from 'aws-cdk-lib/assertions';
import { apiStackId } from '../../infra/api-stack';
import { buildDistrictApp } from '../../infra/district-app';
import { districtIds } from '../../infra/district-files';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { districtFile } from '../support/seeded-district';
import { districtsDirectoryOf, synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(300_000);

/** The app `cdk synth --all` runs: every file in infra/districts, synthesized once for this file's tests. */
const DISTRICTS = districtIds();
let synthesized: SynthesizedApp;

beforeAll(() => {
  synthesized = synthesizeDistrictApp();
});
afterAll(() => synthesized.cleanup());

const stackOf = (id: string) => synthesized.stacks.find((stack) => stack.district.id === id)!;
const onlyId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};

/** Every logical id a template's Ref and Fn::GetAtt point at, pseudo parameters aside. */
function referencedIds(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => referencedIds(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, nested] of Object.entries(value)) {
      if (key === 'Ref' && typeof nested === 'string' && !nested.startsWith('AWS::')) found.add(nested);
      else if (key === 'Fn::GetAtt') found.add((nested as [string, string])[0]);
      else referencedIds(nested, found);
    }
  }
  return found;
}

describe('one stack per district file', () => {
  test('given the district files, when the app is synthesized, then each file has its stack, named after its id', () => {
    expect(synthesized.stacks.map((stack) => stack.stackName)).toEqual(DISTRICTS.map(apiStackId));
    expect(synthesized.stacks.map((stack) => stack.district)).toEqual(DISTRICTS.map(districtFile));
  });

  test('given the district files, when the app is synthesized, then cdk-nag\'s AWS Solutions checks leave nothing unacknowledged', () => {
    expect(synthesized.violations).toEqual([]);
  });

  test.each(DISTRICTS)('given the %s stack, when its onboarding resource is read, then it carries the file’s hash and no personal data', (id) => {
    const template = synthesized.templates[id]!;
    const [resource] = Object.values(template.findResources('Custom::DistrictData'));
    const fileJson = JSON.stringify(districtFile(id));
    expect(resource!.Properties.DistrictFileSha256).toBe(createHash('sha256').update(fileJson).digest('hex'));
    expect(resource!.Properties.DistrictFile).toBeUndefined();
    const phones = districtFile(id).officers.flatMap((officer) => (officer.phone ? [officer.phone] : []));
    for (const phone of phones.slice(0, 5)) expect(JSON.stringify(template.toJSON())).not.toContain(phone);
  });
});

describe('isolation between districts', () => {
  test.each(DISTRICTS)('given the %s stack, when its references are read, then all of them stay inside the stack', (id) => {
    const template = synthesized.templates[id]!.toJSON() as { Resources: Record<string, unknown>; Outputs: unknown };
    const own = new Set(Object.keys(template.Resources));

    const outside = [...referencedIds([template.Resources, template.Outputs])].filter((logicalId) => !own.has(logicalId));

    expect(outside).toEqual([]);
    expect(JSON.stringify(template)).not.toContain('Fn::ImportValue');
  });

  test.each(DISTRICTS)('given the %s stack, when synthesized, then it has its own table and user pool, and the authorizer trusts only that pool and its client', (id) => {
    const template = synthesized.templates[id]!;
    onlyId(template, 'AWS::DynamoDB::Table');
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', {
      JwtConfiguration: {
        Issuer: { 'Fn::Join': ['', ['https://', { 'Fn::GetAtt': [onlyId(template, 'AWS::Cognito::UserPool'), 'ProviderURL'] }]] },
        Audience: [{ Ref: onlyId(template, 'AWS::Cognito::UserPoolClient') }],
      },
    });
  });

  test.each(DISTRICTS)('given the %s stack, when its functions are read, then every function that reaches the table (the staff and public APIs, Open311, the exports, the onboarding sync, the duty jobs, the webhook functions, the erasure job) serves this district on this table', (id) => {
    const template = synthesized.templates[id]!;
    const tableRef = { Ref: logicalIdOf(stackOf(id).table) };
    const ours = Object.values(template.findResources('AWS::Lambda::Function')).filter((fn) => fn.Properties.Environment?.Variables?.TABLE_NAME);

    expect(ours).toHaveLength(10);
    for (const fn of ours) expect(fn.Properties.Environment.Variables).toMatchObject({ TABLE_NAME: tableRef, DISTRICT_ID: id });
  });
});

describe('district files that cannot be synthesized', () => {
  test('given two bad files and a good one, when the app is built, then one error names each bad file and every bad field', () => {
    const dingnan = districtFile('dingnan');
    const { directory, cleanup } = districtsDirectoryOf([
      { content: dingnan },
      { name: 'alpha.json', content: { ...districtFile('xian-gangwu'), id: 'alpha', timezone: 'Mars/Olympus', adminEmails: ['nobody'] } },
      { name: 'beta.json', content: '{ "id": "beta", ' },
    ]);
    try {
      expect(() => buildDistrictApp({ districtsDirectory: directory })).toThrow(
        expect.objectContaining({
          name: 'DistrictFileError',
          message: expect.stringMatching(/alpha\.json: .*timezone: must be an IANA time zone.*adminEmails\.0: must be an email address.*\n.*beta\.json: not JSON/),
        }),
      );
    } finally {
      cleanup();
    }
  });

  test('given a file whose allowedOrigins has "*" and an origin with a path, when the app is built, then the synth error names both and what to write', () => {
    const { directory, cleanup } = districtsDirectoryOf([
      { content: { ...districtFile('dingnan'), allowedOrigins: ['http://localhost:5173', '*', 'http://127.0.0.1:8080/app'] } },
    ]);
    try {
      expect(() => buildDistrictApp({ districtsDirectory: directory })).toThrow(
        expect.objectContaining({
          name: 'DistrictFileError',
          message: expect.stringMatching(
            /dingnan\.json: allowedOrigins\.1: must name each front end's origin, not "\*".*; allowedOrigins\.2: must be an origin without a path, query or fragment: write http:\/\/127\.0\.0\.1:8080$/,
          ),
        }),
      );
    } finally {
      cleanup();
    }
  });

  test('given a file whose id differs from its name, when the app is built, then the file and both ids are named', () => {
    const { directory, cleanup } = districtsDirectoryOf([{ name: 'gangwu.json', content: districtFile('xian-gangwu') }]);
    try {
      expect(() => buildDistrictApp({ districtsDirectory: directory })).toThrow(/gangwu\.json: id: is "xian-gangwu", expected "gangwu"/);
    } finally {
      cleanup();
    }
  });
});
