import { App, Stack, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataTable } from '../../infra/constructs/data-table';
import { COMPLIANCE_TABLE_ACTIONS, DutySchedules, ROSTER_TABLE_ACTIONS } from '../../infra/constructs/duty-schedules';
import { logicalIdOf } from '../../infra/nag-acknowledgements';

jest.setTimeout(300_000);

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** The construct mounted in a stack of its own, with the district table, cdk-nag on, assets not bundled (templates only). */
const outdir = mkdtempSync(join(tmpdir(), 'ccs-duty-'));
const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
const stack = new Stack(app, 'DutySchedulesTest', { env: { account: '123456789012', region: 'cn-north-1' } });
const { table } = new DataTable(stack, 'Data');
const duty = new DutySchedules(stack, 'Duty', { table, districtId: 'xian-gangwu', timezone: 'Asia/Shanghai', serviceName: 'ccs-xian-gangwu' });
const assembly = app.synth();
const template = Template.fromJSON(assembly.getStackArtifact(stack.artifactId).template);
afterAll(() => rmSync(outdir, { recursive: true, force: true }));

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const arnOf = (construct: Parameters<typeof logicalIdOf>[0]) => ({ 'Fn::GetAtt': [logicalIdOf(construct), 'Arn'] });

function statementsOfRole(roleConstruct: Parameters<typeof logicalIdOf>[0]): Statement[] {
  const roleId = logicalIdOf(roleConstruct);
  return Object.values(template.findResources('AWS::IAM::Policy'))
    .filter((policy) => (policy.Properties.Roles as { Ref: string }[]).some((role) => role.Ref === roleId))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
}

describe('duty schedules', () => {
  test('given the construct, when synthesized, then the roster runs Fridays 18:00 and compliance Mondays 02:00 in the district\'s time zone', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 18 ? * FRI *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      State: 'ENABLED',
      Target: Match.objectLike({ Arn: arnOf(duty.rosterFunction) }),
    });
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 2 ? * MON *)',
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      Target: Match.objectLike({ Arn: arnOf(duty.complianceFunction) }),
    });
  });

  test('given both schedules, when synthesized, then each passes its fire time, retries, and dead-letters to the queue', () => {
    const schedules = Object.values(template.findResources('AWS::Scheduler::Schedule'));
    expect(schedules).toHaveLength(2);
    for (const schedule of schedules) {
      expect(schedule.Properties.Target).toMatchObject({
        Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: 3, MaximumEventAgeInSeconds: 21600 },
        DeadLetterConfig: { Arn: arnOf(duty.deadLetterQueue) },
      });
    }
  });

  test('given both functions, when synthesized, then failed runs are retried twice by Lambda and then sent to the same queue', () => {
    const configs = Object.values(template.findResources('AWS::Lambda::EventInvokeConfig'));
    expect(configs).toHaveLength(2);
    for (const config of configs) {
      expect(config.Properties).toMatchObject({
        MaximumRetryAttempts: 2,
        DestinationConfig: { OnFailure: { Destination: arnOf(duty.deadLetterQueue) } },
      });
    }
    template.hasResourceProperties('AWS::SQS::Queue', { SqsManagedSseEnabled: true });
  });

  test('given the functions, when synthesized, then they run Node.js 22 on ARM64 with 1 GB for the stack\'s district and table', () => {
    for (const fn of [duty.rosterFunction, duty.complianceFunction]) {
      const resource = template.findResources('AWS::Lambda::Function')[logicalIdOf(fn)]!;
      expect(resource.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        MemorySize: 1024,
        Environment: { Variables: expect.objectContaining({ DISTRICT_ID: 'xian-gangwu', TABLE_NAME: { Ref: logicalIdOf(table) } }) },
      });
    }
  });

  test('given every IAM statement of the construct, when read, then none grants a wildcard resource or action', () => {
    const statements = Object.values(template.findResources('AWS::IAM::Policy')).flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]);
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(asList(statement.Resource)).not.toContain('*');
      for (const action of asList(statement.Action)) expect(action).not.toMatch(/\*/);
    }
  });

  test('given the scheduler role, when read, then it may invoke only the two functions and send only to the dead-letter queue', () => {
    const statements = statementsOfRole(duty.node.findChild('SchedulerRole'));
    expect(statements).toEqual([
      expect.objectContaining({ Action: 'lambda:InvokeFunction', Resource: [arnOf(duty.rosterFunction), arnOf(duty.complianceFunction)] }),
      expect.objectContaining({ Action: 'sqs:SendMessage', Resource: arnOf(duty.deadLetterQueue) }),
    ]);
    const role = template.findResources('AWS::IAM::Role')[logicalIdOf(duty.node.findChild('SchedulerRole'))]!;
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0]).toMatchObject({
      Principal: { Service: 'scheduler.amazonaws.com' },
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
    });
  });

  test('given the job roles, when read, then each has exactly its table actions, and only compliance may put events, on its own bus', () => {
    const tableActions = (roleId: string) =>
      statementsOfRole(duty.node.findChild(roleId)).filter((statement) => asList(statement.Action).some((action) => action.startsWith('dynamodb:')));
    const eventActions = (roleId: string) =>
      statementsOfRole(duty.node.findChild(roleId)).filter((statement) => asList(statement.Action).some((action) => action.startsWith('events:')));

    expect(asList(tableActions('RosterRole')[0]!.Action).sort()).toEqual([...ROSTER_TABLE_ACTIONS].sort());
    expect(asList(tableActions('ComplianceRole')[0]!.Action).sort()).toEqual([...COMPLIANCE_TABLE_ACTIONS].sort());
    expect(tableActions('RosterRole')[0]!.Action).not.toContain('dynamodb:Scan');
    expect(eventActions('RosterRole')).toEqual([]);
    expect(eventActions('ComplianceRole')).toEqual([expect.objectContaining({ Action: 'events:PutEvents', Resource: arnOf(duty.eventBus) })]);
  });

  test('given the construct in a stack, when cdk-nag\'s AWS Solutions checks run, then nothing is left unacknowledged', () => {
    const reportFile = join(outdir, 'validation-report.json');
    const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as { pluginReports: { violations: unknown[] }[] }) : { pluginReports: [] };
    expect(report.pluginReports.flatMap((plugin) => plugin.violations)).toEqual([]);
  });
});
