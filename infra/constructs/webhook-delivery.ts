import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule, type IEventBus } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, Runtime } from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { DOMAIN_EVENT_TYPES } from '../../functions/domain/events/domain-event';
import { lambdaBundling } from '../api-bundling';
import { acknowledgeNodeRuntime, logicalIdOf } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';
import type { WebhookKey } from './webhook-key';

/** The delivery function: reads the district's endpoints, creates each delivery once (conditional Put) and records its attempt. */
export const WEBHOOK_DELIVERY_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem'] as const;

/** The retry sweeper: Queries the due index, reads the deliveries by key, records attempts. It creates nothing. */
export const WEBHOOK_SWEEPER_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:UpdateItem'] as const;

export interface WebhookDeliveryProps {
  table: ITable;
  districtId: string;
  /** The district's bus, on which every domain event arrives (the envelope as `detail`). */
  eventBus: IEventBus;
  key: WebhookKey;
  serviceName: string;
}

/**
 * Webhook deliveries of one district (functions/webhooks):
 *
 * - a rule on the district's bus sends every domain event of this district (its `detail` is
 *   the envelope) to the delivery function, which creates one delivery per subscribed endpoint
 *   and tries it at once; an event the function fails on is retried by EventBridge and Lambda,
 *   then kept in the dead-letter queue (deliveries are idempotent, so a retry sends nothing twice);
 * - every minute the sweeper retries the deliveries that are due (a Query on the due index).
 *
 * Least privilege: each function writes its own log group, uses only its table actions, and may
 * read the one secret whose key opens the endpoints' signing secrets. Neither runs in a VPC:
 * deliveries go to the internet, and the address guard refuses every non-public address.
 */
export class WebhookDelivery extends Construct {
  readonly deliveryFunction: NodejsFunction;
  readonly sweeperFunction: NodejsFunction;
  readonly deadLetterQueue: Queue;

  constructor(scope: Construct, id: string, props: WebhookDeliveryProps) {
    super(scope, id);
    this.deadLetterQueue = new Queue(this, 'DeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the webhook functions and their rule; it has no queue behind it by design.',
    });
    const environment = {
      TABLE_NAME: props.table.tableName,
      DISTRICT_ID: props.districtId,
      WEBHOOK_SECRET_KEY_SECRET_ARN: props.key.secret.secretArn,
    };
    this.deliveryFunction = this.webhookFunction('Delivery', 'delivery-handler.ts', environment, WEBHOOK_DELIVERY_TABLE_ACTIONS, props, Duration.minutes(1));
    this.sweeperFunction = this.webhookFunction('Sweeper', 'sweep-handler.ts', environment, WEBHOOK_SWEEPER_TABLE_ACTIONS, props, Duration.minutes(5));

    new Rule(this, 'DomainEvents', {
      eventBus: props.eventBus,
      description: `Every domain event of ${props.districtId} to its webhook deliveries`,
      eventPattern: { detail: { districtId: [props.districtId], type: [...DOMAIN_EVENT_TYPES] } },
      targets: [new LambdaFunction(this.deliveryFunction, { deadLetterQueue: this.deadLetterQueue, retryAttempts: 8, maxEventAge: Duration.hours(24) })],
    });
    new Rule(this, 'RetrySchedule', {
      description: `Retries the due webhook deliveries of ${props.districtId}`,
      schedule: Schedule.rate(Duration.minutes(1)),
      targets: [new LambdaFunction(this.sweeperFunction, { retryAttempts: 0 })],
    });
  }

  private webhookFunction(
    id: string,
    entry: string,
    environment: Record<string, string>,
    tableActions: readonly string[],
    props: WebhookDeliveryProps,
    timeout: Duration,
  ): NodejsFunction {
    const logGroup = new LogGroup(this, `${id}Logs`, { retention: RetentionDays.ONE_MONTH });
    const role = new Role(this, `${id}Role`, {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `Webhook ${id.toLowerCase()}: its log group, the district table and the key of the endpoints' secrets, nothing else`,
    });
    logGroup.grantWrite(role);
    props.table.grant(role, ...tableActions);
    props.key.grantRead(role);
    Validations.of(role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${logicalIdOf(props.table)}.Arn>/index/*]`,
      reason: 'The sweeper Queries the due deliveries on the table\'s GSI7; the wildcard covers the indexes of this one table only.',
    });
    const fn = new NodejsFunction(this, `${id}Function`, {
      entry: join(__dirname, '..', '..', 'functions', 'webhooks', entry),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout,
      role,
      logGroup,
      environment: { ...environment, NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: `${props.serviceName}-webhooks`, NODE_ENV: 'production' },
      retryAttempts: 2,
      onFailure: new SqsDestination(this.deadLetterQueue),
      bundling: nodejsBundling({ ...lambdaBundling, externalModules: ['@aws-sdk/*'] }),
    });
    acknowledgeNodeRuntime(fn);
    return fn;
  }
}
