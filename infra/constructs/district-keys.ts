import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import { AnyPrincipal, PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * The district's customer-managed KMS keys, one per kind of data, each rotated yearly and
 * retained when the stack goes (what they encrypted may outlive it: the table, the logs):
 *
 * - `data`: the table. Any role of this account may use it through DynamoDB only
 *   (`kms:ViaService`), as with the AWS-managed key: who may read which item is still the
 *   table grants' business, and functions added later need no key grant of their own.
 * - `logs`: every log group. CloudWatch Logs (its regional service principal) may use it for
 *   this account's log groups only (the `aws:logs:arn` encryption context).
 * - `alarms`: the alarm topic. CloudWatch alarms may encrypt messages for it (the AWS-managed
 *   SNS key's policy cannot be changed to allow that, so alarms on such a topic never arrive);
 *   roles of this account may publish through SNS.
 * - `queues`: the dead-letter and other queues, usable through SQS only: EventBridge Scheduler and
 *   Lambda send with the roles that already may send to the queue.
 *
 * The account's root keeps the key administrators' access (the CDK default), so IAM decides who
 * administers the keys.
 */
export class DistrictKeys extends Construct {
  readonly data: Key;
  readonly logs: Key;
  readonly alarms: Key;
  readonly queues: Key;

  constructor(scope: Construct, id: string, props: { districtId: string }) {
    super(scope, id);
    const stack = Stack.of(this);
    const key = (keyId: string, what: string, viaService: string) => {
      const created = new Key(this, keyId, {
        description: `${what} of district ${props.districtId}`,
        enableKeyRotation: true,
        removalPolicy: RemovalPolicy.RETAIN,
      });
      created.addToResourcePolicy(
        new PolicyStatement({
          sid: `UseThrough${viaService}`,
          principals: [new AnyPrincipal()],
          actions: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:DescribeKey', 'kms:CreateGrant'],
          resources: ['*'],
          conditions: {
            StringEquals: { 'kms:CallerAccount': stack.account, 'kms:ViaService': `${viaService}.${stack.region}.${stack.urlSuffix}` },
          },
        }),
      );
      return created;
    };
    this.data = key('DataKey', 'The table', 'dynamodb');
    this.queues = key('QueuesKey', 'The queues', 'sqs');
    this.alarms = key('AlarmsKey', 'The alarm topic', 'sns');
    this.alarms.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': stack.account } },
      }),
    );
    this.logs = new Key(this, 'LogsKey', {
      description: `The log groups of district ${props.districtId}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.logs.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchLogsUse',
        principals: [new ServicePrincipal(`logs.${stack.region}.${stack.urlSuffix}`)],
        actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        resources: ['*'],
        conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:log-group:*` } },
      }),
    );
  }
}
