import { Match, type Template } from 'aws-cdk-lib/assertions';
import { synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(300_000);

let synthesized: SynthesizedApp;
let template: Template;

beforeAll(() => {
  synthesized = synthesizeDistrictApp();
  template = synthesized.templates.dingnan!;
});
afterAll(() => synthesized.cleanup());

const alarmsNamed = (suffix: string) =>
  Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((alarm) => String(alarm.Properties.AlarmName).endsWith(suffix));

describe('operational alarms', () => {
  test('given the dingnan stack, when synthesized, then a 5xx-rate alarm watches the API at 1 % over 5 minutes', () => {
    const [alarm] = alarmsNamed('-Api5xxRate');
    expect(alarm!.Properties).toMatchObject({ Threshold: 1, EvaluationPeriods: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    const metrics = alarm!.Properties.Metrics as { Expression?: string; MetricStat?: { Metric: { MetricName: string; Namespace: string } } }[];
    expect(metrics.find((metric) => metric.Expression)?.Expression).toBe('100 * errors / MAX([requests, 1])');
    expect(metrics.flatMap((metric) => (metric.MetricStat ? [metric.MetricStat.Metric.MetricName] : [])).sort()).toEqual(['5xx', 'Count']);
  });

  test.each(['Api', 'Roster', 'Compliance', 'Onboarding'])('given the %s function, when synthesized, then its errors and throttles raise alarms', (name) => {
    for (const metric of ['Errors', 'Throttles']) {
      const [alarm] = alarmsNamed(`-${name}${metric}`);
      expect(alarm!.Properties).toMatchObject({ MetricName: metric, Namespace: 'AWS/Lambda', Threshold: 1 });
    }
  });

  test('given every function of the district (not the CDK providers), when synthesized, then each has an errors and a throttles alarm on its own name', () => {
    const ours = Object.entries(template.findResources('AWS::Lambda::Function')).filter(([, fn]) => fn.Properties.Runtime === 'nodejs22.x');
    const watched = (metric: string) =>
      Object.values(template.findResources('AWS::CloudWatch::Alarm'))
        .filter((alarm) => alarm.Properties.MetricName === metric)
        .map((alarm) => JSON.stringify(alarm.Properties.Dimensions));
    expect(ours.length).toBeGreaterThanOrEqual(12);
    for (const [logicalId] of ours) {
      const dimensions = JSON.stringify([{ Name: 'FunctionName', Value: { Ref: logicalId } }]);
      expect({ logicalId, errors: watched('Errors').includes(dimensions), throttles: watched('Throttles').includes(dimensions) }).toEqual({ logicalId, errors: true, throttles: true });
    }
  });

  test('given every dead-letter queue of the stack, when synthesized, then anything in one raises an alarm', () => {
    const queuesWatched = Object.values(template.findResources('AWS::CloudWatch::Alarm'))
      .filter((alarm) => alarm.Properties.MetricName === 'ApproximateNumberOfMessagesVisible' && alarm.Properties.Namespace === 'AWS/SQS')
      .map((alarm) => alarm.Properties.Dimensions[0].Value['Fn::GetAtt'][0])
      .sort();
    const deadLetterQueues = Object.keys(template.findResources('AWS::SQS::Queue')).filter((id) => id.includes('DeadLetters')).sort();
    expect(deadLetterQueues).toHaveLength(3);
    expect(queuesWatched).toEqual(deadLetterQueues);
  });

  test('given every alarm, when synthesized, then each notifies the encrypted, TLS-only alarm topic', () => {
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});
