import { Duration, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, FilterCriteria, FilterRule, Runtime, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { join } from 'node:path';
import { OUTBOX_SORT_KEY_PREFIX } from '../../functions/store/outbox';
import { apiBundle } from '../api-bundling';
import { acknowledgeNodeRuntime } from '../nag-acknowledgements';
import { nodejsBundling } from './nodejs-bundling';

/**
 * What the relay may do on the table's stream: read its records, nothing on the table itself.
 * Not `dynamodb:ListStreams`: it has no resource-level permission (it would need `*`), and the
 * mapping names its stream's ARN, so nothing needs to list streams.
 */
export const STREAM_ACTIONS = ['dynamodb:DescribeStream', 'dynamodb:GetRecords', 'dynamodb:GetShardIterator'] as const;

/** Attempts on a failing batch (after bisecting it) before its records go to the dead-letter queue. */
export const RELAY_RETRIES = 10;

export interface DomainEventsProps {
  /** The district table, with its stream (NEW_IMAGE). */
  table: ITable;
  /** The district's bus: every domain event is published there. */
  eventBus: IEventBus;
  serviceName: string;
}

/**
 * The outbox relay (functions/events/handler.ts): the table's stream, filtered to outbox inserts,
 * feeds one function that publishes each event to the district's bus. A batch it cannot publish
 * is retried from the first failed record (partial batch response), split in halves on errors,
 * and after `RELAY_RETRIES` described in the dead-letter queue (the records stay in the stream's
 * 24 hours and the outbox item's days, so they can be replayed).
 *
 * Least privilege: its log group, the read actions on this table's stream, PutEvents on this
 * bus, sending to its queue; no table access at all.
 */
export class DomainEvents extends Construct {
  readonly function: NodejsFunction;
  readonly deadLetterQueue: Queue;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: DomainEventsProps) {
    super(scope, id);
    if (!props.table.tableStreamArn) throw new Error('DomainEvents needs the table with its stream enabled');
    this.deadLetterQueue = new Queue(this, 'DeadLetters', { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true, retentionPeriod: Duration.days(14) });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue of the outbox relay; it has no queue behind it by design.',
    });
    const logGroup = new LogGroup(this, 'RelayLogs', { retention: RetentionDays.ONE_MONTH });
    this.role = new Role(this, 'RelayRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Outbox relay: its log group, the table stream, PutEvents on the district bus, its dead-letter queue; nothing else',
    });
    logGroup.grantWrite(this.role);
    this.role.addToPolicy(new PolicyStatement({ actions: [...STREAM_ACTIONS], resources: [props.table.tableStreamArn] }));
    this.role.addToPolicy(new PolicyStatement({ actions: ['events:PutEvents'], resources: [props.eventBus.eventBusArn] }));

    this.function = new NodejsFunction(this, 'RelayFunction', {
      entry: join(__dirname, '..', '..', 'functions', 'events', 'handler.ts'),
      handler: 'handler',
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: 256,
      timeout: Duration.seconds(30),
      role: this.role,
      logGroup,
      environment: { EVENT_BUS_NAME: props.eventBus.eventBusName, NODE_OPTIONS: '--enable-source-maps', POWERTOOLS_SERVICE_NAME: `${props.serviceName}-events`, NODE_ENV: 'production' },
      bundling: nodejsBundling(apiBundle),
    });
    acknowledgeNodeRuntime(this.function);
    // A mapping of its own rather than DynamoEventSource, whose grant adds ListStreams on `*`.
    // The queue destination grants SendMessage on this queue only.
    this.function.addEventSourceMapping('OutboxStream', {
      eventSourceArn: props.table.tableStreamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(1),
      bisectBatchOnError: true,
      retryAttempts: RELAY_RETRIES,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(this.deadLetterQueue),
      filters: [FilterCriteria.filter({ eventName: FilterRule.isEqual('INSERT'), dynamodb: { Keys: { SK: { S: FilterRule.beginsWith(OUTBOX_SORT_KEY_PREFIX) } } } })],
    });
  }
}
