import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(300_000);

/**
 * The exports' bundle: exceljs and its zip writers (≈ 0.9 MB of it), the use cases and the store
 * (≈ 0.55 MB); no GraphQL, no AWS SDK (the runtime has it). Today ≈ 1.46 MB.
 */
const EXPORT_BUDGET_BYTES = 1_600_000;

let synthesized: SynthesizedStack;
let functionId: string;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  functionId = Object.keys(synthesized.template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('ExportsFunction'))!;
});
afterAll(() => synthesized.cleanup());

const resourcesOf = (type: string) => synthesized.template.findResources(type) as Record<string, { Properties: Record<string, any> }>;

test('given the dingnan stack, when synthesized, then GET /exports/{kind} reaches the export function behind the same JWT authorizer as /graphql', () => {
  const routes = Object.values(resourcesOf('AWS::ApiGatewayV2::Route')).map((route) => route.Properties);
  const exportsRoute = routes.find((route) => route.RouteKey === 'GET /exports/{kind}')!;
  const graphqlRoute = routes.find((route) => route.RouteKey === 'POST /graphql')!;
  const integration = resourcesOf('AWS::ApiGatewayV2::Integration')[exportsRoute.Target['Fn::Join'][1][1].Ref as string]!;

  expect(exportsRoute.AuthorizationType).toBe('JWT');
  expect(exportsRoute.AuthorizerId).toEqual(graphqlRoute.AuthorizerId);
  expect(routes.filter((route) => String(route.RouteKey).includes('/exports/')).map((route) => route.RouteKey)).toEqual(['GET /exports/{kind}']);
  expect(JSON.stringify(integration.Properties.IntegrationUri)).toContain(functionId);
  expect(integration.Properties.PayloadFormatVersion).toBe('2.0');
});

test('given the export function, when synthesized, then it runs Node.js 22 on arm64 with its own log group, the district and the table, and traces like the others', () => {
  const lambda = resourcesOf('AWS::Lambda::Function')[functionId]!.Properties;

  expect(lambda.Runtime).toBe('nodejs22.x');
  expect(lambda.Architectures).toEqual(['arm64']);
  expect(lambda.Timeout).toBeLessThan(30);
  expect(lambda.Environment.Variables).toEqual(expect.objectContaining({ DISTRICT_ID: 'dingnan', NODE_ENV: 'production', TABLE_NAME: expect.anything() }));
  expect(lambda.Environment.Variables.IDENTITY_CLAIM_MAPPING).toBeUndefined();
  expect(Object.keys(resourcesOf('AWS::Logs::LogGroup'))).toContain(lambda.LoggingConfig.LogGroup.Ref);
  expect(lambda.TracingConfig).toEqual(resourcesOf('AWS::Lambda::Function')[Object.keys(resourcesOf('AWS::Lambda::Function')).find((id) => id.startsWith('Open311Function'))!]!.Properties.TracingConfig);
});

test('given the export asset, when read, then it is minified, within its budget, carries exceljs and no GraphQL server', () => {
  const file = join(functionAssetDirectory(synthesized, functionId), 'index.js');
  const code = readFileSync(file, 'utf8');

  expect(statSync(file).size).toBeLessThan(EXPORT_BUDGET_BYTES);
  expect(code).toContain('exceljs');
  expect(code).not.toMatch(/@apollo\/server|graphql-armor/);
});

test('given the export asset and only the modules the Lambda runtime provides, when called without verified claims, then it loads and answers 401 UNAUTHENTICATED', () => {
  const event: APIGatewayProxyEventV2 = {
    version: '2.0',
    routeKey: 'GET /exports/{kind}',
    rawPath: '/exports/compliance',
    rawQueryString: 'week=2026-W47&format=xlsx',
    queryStringParameters: { week: '2026-W47', format: 'xlsx' },
    headers: {},
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: { method: 'GET', path: '/exports/compliance', protocol: 'HTTP/1.1', sourceIp: '203.0.113.9', userAgent: 'test' },
      requestId: 'r',
      routeKey: 'GET /exports/{kind}',
      stage: '$default',
      time: '',
      timeEpoch: 0,
    },
  };
  const answer = `require(process.env.LAMBDA_BUNDLE).handler(JSON.parse(process.argv[1])).then((result) => process.stdout.write(JSON.stringify(result)))`;
  const output = execFileSync(process.execPath, ['-r', join(__dirname, '..', 'support', 'lambda-runtime-modules.js'), '-e', answer, JSON.stringify(event)], {
    env: {
      ...process.env,
      LAMBDA_BUNDLE: join(functionAssetDirectory(synthesized, functionId), 'index.js'),
      TABLE_NAME: 'bundle-load-check',
      DISTRICT_ID: 'dingnan',
      AWS_REGION: 'cn-north-1',
      NODE_PATH: join(__dirname, '..', '..', 'node_modules'),
    },
    encoding: 'utf8',
  });
  const result = JSON.parse(output) as { statusCode: number; body: string };

  expect(result.statusCode).toBe(401);
  expect(JSON.parse(result.body)).toEqual({ errors: [{ message: 'A valid bearer token is required', extensions: { code: 'UNAUTHENTICATED' } }] });
});
