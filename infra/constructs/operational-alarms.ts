import { Duration } from 'aws-cdk-lib';
import type { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { Alarm, ComparisonOperator, MathExpression, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  api: HttpApi;
  /** Every function of the stack, by a short name used in the alarm names. */
  functions: Record<string, IFunction>;
  /** Every dead-letter queue of the stack, by a short name: anything in one is work that failed all its retries. */
  deadLetterQueues: Record<string, IQueue>;
  alarmName: (suffix: string) => string;
  /** The topic's customer-managed key, whose policy lets CloudWatch alarms publish (infra/constructs/district-keys.ts). */
  topicKey: IKey;
}

const FIVE_MINUTES = Duration.minutes(5);

/**
 * The alarms an operator needs, all sent to one SNS topic (subscribe an e-mail or a chat hook to
 * it after deploying): API 5xx rate over 1 % for 5 minutes, any throttled or failed invocation of
 * any function, and anything in a dead-letter queue (a roster, compliance or erasure run, a stream
 * batch the relay could not publish, or a webhook fan-out that failed all its retries).
 */
export class OperationalAlarms extends Construct {
  readonly topic: Topic;

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    this.topic = new Topic(this, 'Topic', {
      displayName: props.alarmName('alarms'),
      enforceSSL: true,
      // Not the AWS-managed SNS key: its policy cannot let CloudWatch alarms publish, so they never would arrive.
      masterKey: props.topicKey,
    });
    const action = new SnsAction(this.topic);
    const alarm = (alarmId: string, metric: IMetric, threshold: number, description: string) =>
      new Alarm(this, alarmId, {
        alarmName: props.alarmName(alarmId),
        alarmDescription: description,
        metric,
        threshold,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(action);

    const serverErrorRate = new MathExpression({
      expression: '100 * errors / MAX([requests, 1])',
      usingMetrics: {
        errors: props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }),
        requests: props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }),
      },
      period: FIVE_MINUTES,
      label: 'API 5xx %',
    });
    alarm('Api5xxRate', serverErrorRate, 1, 'More than 1 % of API requests answered 5xx over 5 minutes');
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `The ${name} function failed`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), 1, `The ${name} function was throttled`);
    }
    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(
        `${name}DeadLetters`,
        queue.metricApproximateNumberOfMessagesVisible({ period: FIVE_MINUTES, statistic: 'Maximum' }),
        1,
        `A message reached the ${name} dead-letter queue: work that failed all its retries`,
      );
    }
  }
}
