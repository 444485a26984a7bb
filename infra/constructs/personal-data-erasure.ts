import { Duration, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnSchedule } from 'aws-cdk-lib/aws-scheduler';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { apiBundle } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/** What the erasure job does on the table: reads the erasure index and the due issues, updates each. */
export const ERASURE_TABLE_ACTIONS = ['dynamodb:Query', 'dynamodb:GetItem', 'dynamodb:UpdateItem'] as const;

/** Daily at 03:00 district time, when nobody reports. */
export const ERASURE_SCHEDULE = 'cron(0 3 * * ? *)';

export interface PersonalDataErasureProps {
  table: ITable;
  districtId: string;
  timezone: string;
  /** The district file's `personalDataRetentionDays`. */
  retentionDays: number;
  serviceName: string;
  /** Where failed runs go (the stack's job dead-letter queue). */
  deadLetterQueue: IQueue;
}

/**
 * The daily erasure of reporters' data (functions/privacy/handler.ts) on EventBridge Scheduler.
 * A run that fails is retried by the schedule and by Lambda, then dead-lettered; a rerun erases
 * only what is left. Least privilege: its own log group, three table actions, nothing else.
 */
export class PersonalDataErasure extends Construct {
  readonly function: NodejsFunction;

  constructor(scope: Construct, id: string, props: PersonalDataErasureProps) {
    super(scope, id);
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Erasure job: its log group and the district table, nothing else',
    });
    logGroup.grantWrite(role);
    props.table.grant(role, ...ERASURE_TABLE_ACTIONS);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: "The erasure job reads the table's erasure index (GSI8); the wildcard covers the indexes of this one table only.",
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: join(__dirname, '..', '..', 'functions', 'privacy', 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.minutes(5),
      role,
      logGroup,
      environment: {
        TABLE_NAME: props.table.tableName,
        DISTRICT_ID: props.districtId,
        PERSONAL_DATA_RETENTION_DAYS: String(props.retentionDays),
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: `${props.serviceName}-erasure`,
        NODE_ENV: 'production',
      },
      retryAttempts: 2,
      maxEventAge: Duration.hours(6),
      onFailure: new SqsDestination(props.deadLetterQueue),
      bundling: nodejsBundling(apiBundle),
    });
    acknowledgeNodeRuntime(this.function);

    const schedulerRole = new Role(this, 'SchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com', { conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } } }),
      description: 'EventBridge Scheduler: invoke the erasure function and dead-letter failed runs, nothing else',
    });
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: [this.function.functionArn] }));
    schedulerRole.addToPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [props.deadLetterQueue.queueArn] }));
    new CfnSchedule(this, 'Schedule', {
      description: `Erase reporters' data of ${props.districtId} past its retention`,
      scheduleExpression: ERASURE_SCHEDULE,
      scheduleExpressionTimezone: props.timezone,
      flexibleTimeWindow: { mode: 'OFF' },
      state: 'ENABLED',
      target: {
        arn: this.function.functionArn,
        roleArn: schedulerRole.roleArn,
        retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: Duration.hours(6).toSeconds() },
        deadLetterConfig: { arn: props.deadLetterQueue.queueArn },
      },
    });
  }
}
