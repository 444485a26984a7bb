import type { Template } from 'aws-cdk-lib/assertions';
import { districtIds } from '../../infra/district-files';
import { API_TABLE_ACTIONS } from '../../infra/constructs/api-function';
import { ONBOARDING_TABLE_ACTIONS } from '../../infra/constructs/district-onboarding';
import { OPEN311_TABLE_ACTIONS } from '../../infra/constructs/open311-function';
import { EXPORT_TABLE_ACTIONS } from '../../infra/constructs/export-function';
import { STREAM_ACTIONS } from '../../infra/constructs/domain-events';
import { COMPLIANCE_TABLE_ACTIONS, ROSTER_TABLE_ACTIONS } from '../../infra/constructs/duty-schedules';
import { WEBHOOK_DELIVERY_TABLE_ACTIONS, WEBHOOK_SWEEPER_TABLE_ACTIONS } from '../../infra/constructs/webhook-delivery';
import { ERASURE_TABLE_ACTIONS } from '../../infra/constructs/personal-data-erasure';
import { XRAY_WRITE_ACTIONS } from '../../infra/constructs/active-tracing';
import { logicalIdOf } from '../../infra/nag-acknowledgements';
import { allStatements, asList, functionRoles, statementsOfRole, type Statement } from '../support/iam-statements';
import { districtFile } from '../support/seeded-district';
import { districtsDirectoryOf, synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(300_000);

/**
 * Least privilege in every district stack, with initial admins (xian-gangwu is given two, so
 * the Cognito calls' role is checked too): each function's role may write its own log group
 * and reach its own district's table, pool or function, with the actions it needs, nothing else.
 */
const DISTRICTS = districtIds();
let synthesized: SynthesizedApp;
let districts: ReturnType<typeof districtsDirectoryOf>;

beforeAll(() => {
  const files = DISTRICTS.map((id) => ({
    content: id === 'xian-gangwu' ? { ...districtFile(id), adminEmails: ['chief@gangwu.example.cn', 'ops@gangwu.example.cn'] } : districtFile(id),
  }));
  districts = districtsDirectoryOf(files);
  synthesized = synthesizeDistrictApp({ districtsDirectory: districts.directory });
});
afterAll(() => {
  synthesized.cleanup();
  districts.cleanup();
});

const onlyId = (template: Template, type: string): string => {
  const ids = Object.keys(template.findResources(type));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
/** Logical id of the one resource of `type` whose id starts with `prefix`. */
const idStartingWith = (template: Template, type: string, prefix: string): string => {
  const ids = Object.keys(template.findResources(type)).filter((id) => id.startsWith(prefix));
  expect(ids).toHaveLength(1);
  return ids[0]!;
};
const arnOf = (id: string) => ({ 'Fn::GetAtt': [id, 'Arn'] });
const stackOf = (id: string) => synthesized.stacks.find((stack) => stack.district.id === id)!;

test('given every district stack, when synthesized, then no statement grants a wildcard resource or action, but X-Ray\'s write actions', () => {
  for (const template of Object.values(synthesized.templates)) {
    const statements = allStatements(template);
    expect(statements.length).toBeGreaterThan(0);
    // X-Ray's write actions take no resource (infra/constructs/active-tracing.ts): the one statement allowed "*".
    for (const statement of statements.filter((candidate) => asList(candidate.Action).join() !== XRAY_WRITE_ACTIONS.join())) {
      expect(asList(statement.Resource)).not.toContain('*');
      for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
    }
  }
});

test('given every district stack, when synthesized, then no role has a managed policy', () => {
  for (const template of Object.values(synthesized.templates)) {
    expect(template.findResources('AWS::IAM::ManagedPolicy')).toEqual({});
    for (const role of Object.values(template.findResources('AWS::IAM::Role'))) expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  }
});

test.each(DISTRICTS)('given the %s stack, when each function role is read, then it may write only the log group its function logs to', (id) => {
  const template = synthesized.templates[id]!;
  for (const { functionId, roleId } of functionRoles(template)) {
    const logGroup = (template.findResources('AWS::Lambda::Function')[functionId]!.Properties.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
    const logs = statementsOfRole(template, roleId).filter((statement) => asList(statement.Action).some((action) => action.startsWith('logs:')));
    expect(logs).toEqual([{ Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: arnOf(logGroup) }]);
  }
});

test.each(DISTRICTS)("given the %s stack, when the roles are read, then every grant beyond logs targets this stack's own table, function or pool", (id) => {
  const stack = stackOf(id);
  const template = synthesized.templates[id]!;
  const table = arnOf(logicalIdOf(stack.table));
  const pool = arnOf(onlyId(template, 'AWS::Cognito::UserPool'));
  const onboardingFunction = Object.keys(template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('OnboardingFunction'))!;
  const apiRole = functionRoles(template).find(({ functionId }) => functionId === logicalIdOf(stack.apiFunction))!.roleId;
  const publicRole = functionRoles(template).find(({ functionId }) => functionId === logicalIdOf(stack.publicFunction))!.roleId;
  const onboardingRole = functionRoles(template).find(({ functionId }) => functionId === onboardingFunction)!.roleId;
  const roleOf = (functionIdPrefix: string) => functionRoles(template).find(({ functionId }) => functionId.startsWith(functionIdPrefix))!.roleId;
  const tableAndIndexes = [table, { 'Fn::Join': ['', [table, '/index/*']] }];
  // A duty job that fails all its retries goes to the schedules' dead-letter queue.
  const deadLettersOf = (prefix: string) => ({ Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Resource: arnOf(idStartingWith(template, 'AWS::SQS::Queue', prefix)) });
  const deadLetters = deadLettersOf('DutyDeadLetters');
  // The key of the webhook secrets: the API seals them with it, the webhook functions open them.
  const webhookKey = { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: idStartingWith(template, 'AWS::SecretsManager::Secret', 'WebhookKey') } };
  const bus = arnOf(onlyId(template, 'AWS::Events::EventBus'));

  // Photos: the API signs uploads and reads and checks keys; the processor turns uploads into photos.
  const bucket = arnOf(onlyId(template, 'AWS::S3::Bucket'));
  const under = (prefix: string) => ({ 'Fn::Join': ['', [bucket, `/${prefix}*`]] });
  const processorFunction = Object.keys(template.findResources('AWS::Lambda::Function')).find((id) => id.startsWith('PhotosProcessorFunction'))!;
  const processorRole = functionRoles(template).find(({ functionId }) => functionId === processorFunction)!.roleId;
  // Both APIs (staff and public) sign uploads and check and read the keys a report cites.
  const apiPhotoGrants = [
    { Effect: 'Allow', Action: 's3:PutObject', Resource: under('uploads/') },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: [under('uploads/'), under('photos/')] },
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
  ];

  const expected: Record<string, Statement[]> = {
    // The cursor key: GetSecretValue on the stack's one secret (the AWS managed key needs no KMS grant).
    [apiRole]: [
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: idStartingWith(template, 'AWS::SecretsManager::Secret', 'GraphqlFunctionCursorKey') } },
      { Effect: 'Allow', Action: [...API_TABLE_ACTIONS], Resource: tableAndIndexes },
      ...apiPhotoGrants,
      webhookKey,
    ],
    [roleOf('WebhooksDeliveryFunction')]: [{ Effect: 'Allow', Action: [...WEBHOOK_DELIVERY_TABLE_ACTIONS], Resource: tableAndIndexes }, webhookKey, deadLettersOf('Webhooks')],
    [roleOf('WebhooksSweeperFunction')]: [{ Effect: 'Allow', Action: [...WEBHOOK_SWEEPER_TABLE_ACTIONS], Resource: tableAndIndexes }, webhookKey, deadLettersOf('Webhooks')],
    [onboardingRole]: [{ Effect: 'Allow', Action: [...ONBOARDING_TABLE_ACTIONS], Resource: table }],
    [roleOf('Open311Function')]: [{ Effect: 'Allow', Action: [...OPEN311_TABLE_ACTIONS], Resource: tableAndIndexes }],
    // The exports only read: stored reports, names, KPI buckets.
    [roleOf('ExportsFunction')]: [{ Effect: 'Allow', Action: [...EXPORT_TABLE_ACTIONS], Resource: tableAndIndexes }],
    // The public function: the staff API's grants, the same cursor key included.
    [publicRole]: [
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: idStartingWith(template, 'AWS::SecretsManager::Secret', 'GraphqlFunctionCursorKey') } },
      { Effect: 'Allow', Action: [...API_TABLE_ACTIONS], Resource: tableAndIndexes },
      ...apiPhotoGrants,
    ],
    [processorRole]: [
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: under('uploads/') },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: under('photos/') },
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: bucket },
    ],
    [roleOf('ErasureFunction')]: [{ Effect: 'Allow', Action: [...ERASURE_TABLE_ACTIONS], Resource: tableAndIndexes }, deadLetters],
    [roleOf('DutyRosterFunction')]: [{ Effect: 'Allow', Action: [...ROSTER_TABLE_ACTIONS], Resource: tableAndIndexes }, deadLetters],
    [roleOf('DutyComplianceFunction')]: [
      { Effect: 'Allow', Action: [...COMPLIANCE_TABLE_ACTIONS], Resource: tableAndIndexes },
      deadLetters,
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: bus },
    ],
    // The outbox relay: the table's stream, no table item; the district bus; its own dead-letter queue.
    [roleOf('EventsRelayFunction')]: [
      { Effect: 'Allow', Action: [...STREAM_ACTIONS], Resource: { 'Fn::GetAtt': [logicalIdOf(stack.table), 'StreamArn'] } },
      { Effect: 'Allow', Action: 'events:PutEvents', Resource: bus },
      { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Resource: arnOf(idStartingWith(template, 'AWS::SQS::Queue', 'EventsDeadLetters')) },
    ],
    // The residents' pages: static HTML, nothing beyond their logs.
    [roleOf('ResidentPagesFunction')]: [],
  };
  for (const { roleId } of functionRoles(template)) {
    // Beyond logs and X-Ray's trace segments (every function has both: the district-deployment test).
    const grants = statementsOfRole(template, roleId).filter(
      (statement) => !asList(statement.Action).some((action) => action.startsWith('logs:')) && asList(statement.Action).join() !== XRAY_WRITE_ACTIONS.join(),
    );
    if (roleId in expected) {
      expect(grants).toEqual(expected[roleId]);
    } else if (grants.some((statement) => asList(statement.Action).some((action) => action.startsWith('lambda:')))) {
      // The provider framework: invoking and describing the onboarding function only.
      expect(grants).toEqual([
        { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: [arnOf(onboardingFunction), { 'Fn::Join': ['', [arnOf(onboardingFunction), ':*']] }] },
        { Effect: 'Allow', Action: 'lambda:GetFunction', Resource: arnOf(onboardingFunction) },
      ]);
    } else {
      // The initial admins' Cognito calls: two actions on this pool.
      expect(grants).toEqual([{ Effect: 'Allow', Action: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminAddUserToGroup'], Resource: pool }]);
    }
  }
});

test('given the xian-gangwu stack with initial admins, when its roles are read, then the Cognito role is among them', () => {
  const template = synthesized.templates['xian-gangwu']!;
  const cognito = allStatements(template).filter((statement) => asList(statement.Action).some((action) => action.startsWith('cognito-idp:')));
  expect(cognito).toHaveLength(1);
});
