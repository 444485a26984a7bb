import { Template } from 'aws-cdk-lib/assertions';
import { synthesizeDistrictStack, type SynthesizedStack } from '../support/synthesized-stack';
import { API_TABLE_ACTIONS } from '../../infra/constructs/api-function';

jest.setTimeout(120_000);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

let synthesized: SynthesizedStack;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeDistrictStack('dingnan');
  template = synthesized.template;
});

afterAll(() => synthesized.cleanup());

/** Every statement of every identity policy: standalone policies and the roles' inline policies. */
function allStatements(): Statement[] {
  const standalone = Object.values(template.findResources('AWS::IAM::Policy')).map(
    (policy) => policy.Properties.PolicyDocument,
  );
  const inline = Object.values(template.findResources('AWS::IAM::Role')).flatMap((role) =>
    ((role.Properties.Policies ?? []) as { PolicyDocument: unknown }[]).map((policy) => policy.PolicyDocument),
  );
  return [...standalone, ...inline].flatMap((document) => (document as { Statement: Statement[] }).Statement);
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function functionRole(): Record<string, unknown> {
  const [lambda] = Object.values(template.findResources('AWS::Lambda::Function'));
  const roleId = (lambda!.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  return template.findResources('AWS::IAM::Role')[roleId]!.Properties as Record<string, unknown>;
}

function statementsWithAction(prefix: string): Statement[] {
  return allStatements().filter((statement) => asList(statement.Action).some((action) => action.startsWith(prefix)));
}

test('given the dingnan stack, when synthesized, then no IAM statement grants a wildcard resource', () => {
  const statements = allStatements();
  expect(statements.length).toBeGreaterThan(0);
  for (const statement of statements) {
    expect(asList(statement.Resource)).not.toContain('*');
  }
});

test('given the dingnan stack, when synthesized, then no IAM statement grants a wildcard action', () => {
  for (const statement of allStatements()) {
    for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
  }
});

test('given the dingnan stack, when synthesized, then the function role has no managed policy', () => {
  expect(functionRole().ManagedPolicyArns).toBeUndefined();
  expect(template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
});

test('given the dingnan stack, when synthesized, then DynamoDB access is the key-based data actions on the table and its indexes only', () => {
  const tableId = Object.keys(template.findResources('AWS::DynamoDB::Table'))[0]!;
  const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
  const statements = statementsWithAction('dynamodb:');
  expect(statements).toHaveLength(1);
  expect(asList(statements[0]!.Action).sort()).toEqual([...API_TABLE_ACTIONS].sort());
  expect(statements[0]!.Action).not.toContain('dynamodb:Scan');
  expect(statements[0]!.Resource).toEqual([tableArn, { 'Fn::Join': ['', [tableArn, '/index/*']] }]);
});

test('given the dingnan stack, when synthesized, then the function may write logs only to its own log group', () => {
  const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0]!;
  const statements = statementsWithAction('logs:');
  expect(statements).toHaveLength(1);
  expect(asList(statements[0]!.Action).sort()).toEqual(['logs:CreateLogStream', 'logs:PutLogEvents']);
  expect(statements[0]!.Resource).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
});
