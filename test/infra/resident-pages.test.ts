import { XRAY_WRITE_ACTIONS } from '../../infra/constructs/active-tracing';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { asList, statementsOfRole } from '../support/iam-statements';
import { functionAssetDirectory, synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';

jest.setTimeout(180_000);

let synthesized: SynthesizedStack;
let pagesFunctionId: string;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  const pages = synthesized.stack.node.findChild('ResidentPages').node.findChild('Function');
  pagesFunctionId = logicalIdOf(pages as never);
});
afterAll(() => synthesized.cleanup());

describe("the residents' pages", () => {
  test.each(['GET /r/{code}', 'GET /t/{code}'])('given the dingnan stack, when synthesized, then %s is public and reaches the pages function, not the API', (routeKey) => {
    const routes = Object.values(synthesized.template.findResources('AWS::ApiGatewayV2::Route', { Properties: { RouteKey: routeKey } }));
    expect(routes).toHaveLength(1);
    expect(routes[0]!.Properties).toMatchObject({ AuthorizationType: 'NONE' });
    const target = JSON.stringify(routes[0]!.Properties.Target);
    const integration = synthesized.template.findResources('AWS::ApiGatewayV2::Integration')[/"Ref":"([^"]+)"/.exec(target)![1]!];
    expect(JSON.stringify(integration!.Properties.IntegrationUri)).toContain(pagesFunctionId);
  });

  test('given the pages function, when its role is read, then it may only write logs (and traces) and reaches no table', () => {
    const lambda = synthesized.template.findResources('AWS::Lambda::Function')[pagesFunctionId]!;
    const roleId = (lambda.Properties.Role as { 'Fn::GetAtt': string[] })['Fn::GetAtt'][0]!;
    const actions = statementsOfRole(synthesized.template, roleId).flatMap((statement) => asList(statement.Action));
    expect(actions.length).toBeGreaterThan(0);
    // Active tracing (infra/constructs/active-tracing.ts) lets every function write its traces; nothing else.
    expect(actions.filter((action) => !action.startsWith('logs:') && !XRAY_WRITE_ACTIONS.includes(action))).toEqual([]);
    expect(lambda.Properties.Environment.Variables.TABLE_NAME).toBeUndefined();
  });

  test('given the pages bundle, when staged, then it is small: the pages and the category names (with zod, which the vocabulary module carries), no GraphQL, no AWS SDK', () => {
    const directory = functionAssetDirectory(synthesized, pagesFunctionId);
    const bytes = readdirSync(directory)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + statSync(join(directory, file)).size, 0);
    expect(bytes).toBeLessThan(120_000);
  });
});
