import { App, Stack, Validations } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { Queue } from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks } from 'cdk-nag';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataTable } from '../../infra/constructs/data-table';
import { ERASURE_SCHEDULE, ERASURE_TABLE_ACTIONS, PersonalDataErasure } from '../../infra/constructs/personal-data-erasure';
import { logicalIdOf } from '../../infra/nag-acknowledgements';

jest.setTimeout(300_000);

interface Statement {
  Action: string | string[];
  Resource: unknown;
}

/** The construct in a stack of its own, with the district table, cdk-nag on, assets not bundled (templates only). */
const outdir = mkdtempSync(join(tmpdir(), 'ccs-erasure-'));
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'ErasureTest', { env: { account: '123456789012', region: 'cn-north-1' } });
const { table } = new DataTable(stack, 'Data');
const deadLetterQueue = new Queue(stack, 'DeadLetters', { enforceSSL: true });
Validations.of(deadLetterQueue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'The test stack\'s dead-letter queue has no queue behind it.' });
const erasure = new PersonalDataErasure(stack, 'Erasure', { table, districtId: 'dingnan', timezone: 'Asia/Shanghai', retentionDays: 90, serviceName: 'ccs-dingnan', deadLetterQueue });
const assembly = app.synth();
const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const arnOf = (construct: Parameters<typeof logicalIdOf>[0]) => ({ 'Fn::GetAtt': [logicalIdOf(construct), 'Arn'] });

describe('personal data erasure', () => {
  test('given the construct, when synthesized, then the job runs daily at 03:00 district time, retries and dead-letters', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: ERASURE_SCHEDULE,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: arnOf(erasure.function), DeadLetterConfig: { Arn: arnOf(deadLetterQueue) } }),
    });
    template.hasResourceProperties('AWS::Lambda::EventInvokeConfig', { MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: arnOf(deadLetterQueue) } } });
  });

  test('given the district retention of 90 days, when synthesized, then the function erases for that district after that many days', () => {
    const resource = template.findResources('AWS::Lambda::Function')[logicalIdOf(erasure.function)]!;

    expect(resource.Properties.Environment.Variables).toMatchObject({ DISTRICT_ID: 'dingnan', PERSONAL_DATA_RETENTION_DAYS: '90', TABLE_NAME: { Ref: logicalIdOf(table) } });
  });

  test('given the job role, when read, then it has exactly its table actions and no wildcard', () => {
    const roleId = logicalIdOf(erasure.node.findChild('Role'));
    const statements = Object.values(template.findResources('AWS::IAM::Policy'))
      .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    const tableActions = statements.filter((statement) => asList(statement.Action).some((action) => action.startsWith('dynamodb:')));

    expect(asList(tableActions[0]!.Action).sort()).toEqual([...ERASURE_TABLE_ACTIONS].sort());
    for (const statement of statements) expect(asList(statement.Resource)).not.toContain('*');
  });

  test('given cdk-nag, when the stack is checked, then it reports no error', () => {
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });
});
