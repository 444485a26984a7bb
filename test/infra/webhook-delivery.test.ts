import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { EventBus } from 'aws-cdk-lib/aws-events';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMAIN_EVENT_TYPES } from '../../functions/domain/events/domain-event';
import { DataTable } from '../../infra/constructs/data-table';
import { WEBHOOK_DELIVERY_TABLE_ACTIONS, WEBHOOK_SWEEPER_TABLE_ACTIONS, WebhookDelivery } from '../../infra/constructs/webhook-delivery';
import { WebhookKey } from '../../infra/constructs/webhook-key';
import { logicalIdOf } from '../../infra/nag-acknowledgements';

jest.setTimeout(300_000);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The construct in a stack of its own with the district table and a bus, cdk-nag on, assets not bundled. */
const outdir = mkdtempSync(join(tmpdir(), 'ccs-webhooks-'));
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'WebhookDeliveryTest', { env: { account: '123456789012', region: 'cn-north-1' } });
const { table } = new DataTable(stack, 'Data');
const bus = new EventBus(stack, 'Bus');
const key = new WebhookKey(stack, 'WebhookKey');
const webhooks = new WebhookDelivery(stack, 'Webhooks', { table, districtId: 'xian-gangwu', eventBus: bus, key, serviceName: 'ccs-xian-gangwu' });
const assembly = app.synth();
const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const arnOf = (construct: Parameters<typeof logicalIdOf>[0]) => ({ 'Fn::GetAtt': [logicalIdOf(construct), 'Arn'] });
const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

function grantsOf(fn: typeof webhooks.deliveryFunction): Statement[] {
  const roleId = logicalIdOf(fn.role!);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('webhook delivery', () => {
  test('given the construct, when synthesized, then a rule on the district bus sends this district\'s domain events to the delivery function, with retries and a dead-letter queue', () => {
    template.hasResourceProperties('AWS::Events::Rule', {
      EventBusName: { Ref: logicalIdOf(bus) },
      EventPattern: { detail: { districtId: ['xian-gangwu'], type: [...DOMAIN_EVENT_TYPES] } },
      Targets: [
        Match.objectLike({
          Arn: arnOf(webhooks.deliveryFunction),
          DeadLetterConfig: { Arn: arnOf(webhooks.deadLetterQueue) },
          RetryPolicy: { MaximumRetryAttempts: 8, MaximumEventAgeInSeconds: 86400 },
        }),
      ],
    });
  });

  test('given the construct, when synthesized, then the sweeper runs every minute', () => {
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'rate(1 minute)', Targets: [Match.objectLike({ Arn: arnOf(webhooks.sweeperFunction) })] });
  });

  test('given both functions, when synthesized, then they run Node.js 22 on ARM64 for the district, with the key secret\'s ARN and no key material', () => {
    for (const fn of [webhooks.deliveryFunction, webhooks.sweeperFunction]) {
      const properties = template.findResources('AWS::Lambda::Function')[logicalIdOf(fn)]!.Properties;
      expect(properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
      expect(properties.Environment.Variables).toMatchObject({ DISTRICT_ID: 'xian-gangwu', WEBHOOK_SECRET_KEY_SECRET_ARN: { Ref: logicalIdOf(key.secret) } });
      expect(properties.Environment.Variables.WEBHOOK_SECRET_KEY).toBeUndefined();
      expect(properties.Environment.Variables.WEBHOOK_ALLOW_LOOPBACK).toBeUndefined();
    }
  });

  test.each([
    ['delivery', () => webhooks.deliveryFunction, WEBHOOK_DELIVERY_TABLE_ACTIONS],
    ['sweeper', () => webhooks.sweeperFunction, WEBHOOK_SWEEPER_TABLE_ACTIONS],
  ] as const)('given the %s function, when its role is read, then it may use its table actions, read the one key secret and dead-letter, nothing else', (_name, fn, actions) => {
    const table_ = arnOf(table);
    const grants = grantsOf(fn()).filter((statement) => !asList(statement.Action).some((action) => action.startsWith('logs:')));
    expect(grants).toEqual([
      { Effect: 'Allow', Action: [...actions], Resource: [table_, { 'Fn::Join': ['', [table_, '/index/*']] }] },
      { Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: { Ref: logicalIdOf(key.secret) } },
      { Effect: 'Allow', Action: ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'], Resource: arnOf(webhooks.deadLetterQueue) },
    ]);
    expect(actions).not.toContain('dynamodb:Scan');
  });

  test('given the construct, when checked by cdk-nag, then it raises no unacknowledged error', () => {
    const errors = assembly.getStackArtifact(stack.artifactId).messages.filter((message) => message.level === 'error');
    expect(errors.map((message) => message.entry.data)).toEqual([]);
  });
});
