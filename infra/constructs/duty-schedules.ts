import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { EventBus, type IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { apiBundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/** What the roster job does on the table: reads the district, its entities and the week; replaces the week's roster. */
export const ROSTER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:BatchWriteItem'] as const;

/** The compliance job also records which report it announced (UpdateItem). */
export const COMPLIANCE_TABLE_ACTIONS = [...ROSTER_TABLE_ACTIONS, 'dynamodb:UpdateItem'] as const;

export interface DutySchedulesProps {
  table: ITable;
  /** The stack's district; the jobs work on it alone. */
  districtId: string;
  /** The district's IANA time zone: the schedules fire at local times. */
  timezone: string;
  serviceName: string;
  /** Where compliance events go; a bus of the construct's own when absent. */
  eventBus?: IEventBus;
}

/** Schedule retries and Lambda's own async retries, before the dead-letter queue takes the run. */
const SCHEDULE_RETRIES = 3;
const MAX_EVENT_AGE = Duration.hours(6);
const FUNCTION_RETRIES = 2;

/**
 * The duty jobs on EventBridge Scheduler, in the district's time zone:
 *
 * - roster, every Friday 18:00: plans next week (functions/roster/handler.ts);
 * - compliance, every Monday 02:00: evaluates last week and publishes the non-compliant
 *   stations to the event bus (functions/compliance/handler.ts).
 *
 * Each schedule passes its own fire time (`<aws.scheduler.scheduled-time>`), so a retry
 * hours later still works on the same week; re-runs store the same result. A schedule that
 * cannot invoke its function retries and then lands in the dead-letter queue; a run that fails
 * inside the function is retried by Lambda and then lands in the same queue.
 *
 * Least privilege, no `*` resources: each function writes its own log group and uses only the
 * table actions it needs; the compliance function may put events on this bus only; the
 * scheduler's role may invoke these two functions and write to the queue, nothing else.
 */
export class DutySchedules extends Construct {
  readonly rosterFunction: NodejsFunction;
  readonly complianceFunction: NodejsFunction;
  readonly eventBus: IEventBus;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: DutySchedulesProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the duty schedules and functions; it has no queue behind it by design.',
    });
    this.eventBus = props.eventBus ?? new EventBus(this, 'Events', { description: `Duty events of ${props.districtId}: non-compliant stations` });

    const environment = { TABLE_NAME: props.table.tableName, DISTRICT_ID: props.districtId };
    this.rosterFunction = this.jobFunction('Roster', props, 'roster', environment, ROSTER_TABLE_ACTIONS);
    this.complianceFunction = this.jobFunction(
      'Compliance',
      props,
      'compliance',
      { ...environment, EVENT_BUS_NAME: this.eventBus.eventBusName },
      COMPLIANCE_TABLE_ACTIONS,
    );
    this.eventBus.grantPutEventsTo(this.complianceFunction);

    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'EventBridge Scheduler: invoke the two duty functions and dead-letter failed runs, nothing else',
    });
    schedulerRole.addToPolicy(
      new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.rosterFunction.functionArn, this.complianceFunction.functionArn] }),
    );
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [this.deadLetterQueue.queueArn] }));

    this.schedule('RosterSchedule', 'cron(0 18 ? * FRI *)', `Next week's duty roster of ${props.districtId}`, this.rosterFunction, schedulerRole, props);
    this.schedule('ComplianceSchedule', 'cron(0 2 ? * MON *)', `Last week's service-hour compliance of ${props.districtId}`, this.complianceFunction, schedulerRole, props);
  }

  private jobFunction(
    id: string,
    props: DutySchedulesProps,
    folder: 'roster' | 'compliance',
    environment: Record<string, string>,
    tableActions: readonly string[],
  ): NodejsFunction {
    const logGroup = new LogGroup(this, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${id} job: its log group, the district table and what the job publishes, nothing else`,
    });
    logGroup.grantWrite(role);
    props.table.grant(role, ...tableActions);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: 'The compliance job reads a week\'s activities from the table\'s GSI1; the wildcard covers the indexes of this one table only.',
    });
    const fn = new NodejsFunction(this, `${id}Function`, {
      entry: join(__dirname, '..', '..', 'functions', folder, 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // The planner handles a Dongguan-sized district in well under a second (bench/duty.ts); 1 GB leaves room for ten times that.
      memorySize: 1024,
      timeout: Duration.minutes(5),
      role,
      logGroup,
      environment: { ...environment, NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: `${props.serviceName}-${folder}`, NODE_ENV: 'production' },
      retryAttempts: FUNCTION_RETRIES,
      maxEventAge: MAX_EVENT_AGE,
      onFailure: new SqsDestination(this.deadLetterQueue),
      bundling: nodejsBundling(apiBundle),
    });
    acknowledgeNodeRuntime(fn);
    return fn;
  }

  private schedule(id: string, expression: string, description: string, target: NodejsFunction, role: Role, props: DutySchedulesProps): CfnSchedule {
    return new CfnSchedule(this, id, {
      description,
      scheduleExpression: expression,
      scheduleExpressionTimezone: props.timezone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: target.functionArn,
        roleArn: role.roleArn,
        input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
        retryPolicy: { maximumRetryAttempts: SCHEDULE_RETRIES, maximumEventAgeInSeconds: MAX_EVENT_AGE.toSeconds() },
        deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      },
    });
  }
}
