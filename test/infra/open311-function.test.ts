import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Match } from 'aws-cdk-lib/assertions';
import { open311Event } from '../support/open311-events';
import { functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(300_000);

/** Open311 has no GraphQL: its bundle (the use cases and the store, zod, luxon) stays well under half the API's. */
const OPEN311_BUDGET_BYTES = 400_000;

let synthesized: SynthesizedStack;
let functionId: string;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  functionId = Object.keys(synthesized.template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('Open311Function'))!;
});
afterAll(() => synthesized.cleanup());

test('given the dingnan stack, when synthesized, then GET and POST /open311/v2/{proxy+} reach the Open311 function without an authorizer', () => {
  for (const method of ['GET', 'POST']) {
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: `${method} /open311/v2/{proxy+}`,
      AuthorizationType: 'NONE',
      Target: Match.anyValue(),
    });
  }
  synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
    Runtime: 'nodejs22.x',
    Architectures: ['arm64'],
    Environment: { Variables: Match.objectLike({ DISTRICT_ID: 'dingnan' }) },
  });
  expect(functionId).toBeDefined();
});

test('given the Open311 asset, when read, then it is minified, within its budget and carries no GraphQL server', () => {
  const file = join(functionAssetDirectory(synthesized, functionId), 'index.js');
  const code = readFileSync(file, 'utf8');

  expect(statSync(file).size).toBeLessThan(OPEN311_BUDGET_BYTES);
  expect(code).not.toMatch(/@apollo\/server|graphql-armor/);
});

test('given the Open311 asset and only the modules the Lambda runtime provides, when it answers services.xml, then it needs nothing it left out', () => {
  const answer = `require(process.env.LAMBDA_BUNDLE).handler(JSON.parse(process.argv[1])).then((result) => process.stdout.write(JSON.stringify(result)))`;
  const output = execFileSync(
    process.execPath,
    ['-r', join(__dirname, '..', 'support', 'lambda-runtime-modules.js'), '-e', answer, JSON.stringify(open311Event('GET', '/open311/v2/services.xml'))],
    {
      env: {
        ...process.env,
        LAMBDA_BUNDLE: join(functionAssetDirectory(synthesized, functionId), 'index.js'),
        TABLE_NAME: 'bundle-load-check',
        DISTRICT_ID: 'dingnan',
        AWS_REGION: 'cn-north-1',
        NODE_PATH: join(__dirname, '..', '..', 'node_modules'),
      },
      encoding: 'utf8',
    },
  );
  const result = JSON.parse(output) as { statusCode: number; body: string };

  expect(result.statusCode).toBe(200);
  expect(result.body).toContain('<service_code>ILLEGAL_DUMPING</service_code>');
});
