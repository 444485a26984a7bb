import { Match, type Template } from 'aws-cdk-lib/assertions';
import { synthesizeDistrictApp, type SynthesizedApp } from '../support/synthesized-app';

jest.setTimeout(120_000);

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

  test('given the duty schedules, when synthesized, then anything in their dead-letter queue raises an alarm', () => {
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      AlarmName: Match.stringLikeRegexp('-DutyDeadLetters$'),
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Namespace: 'AWS/SQS',
    });
  });

  test('given every alarm, when synthesized, then each notifies the encrypted, TLS-only alarm topic', () => {
    const [topicId] = Object.keys(template.findResources('AWS::SNS::Topic'));
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    expect(alarms).toHaveLength(10);
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topicId }]);
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
  });
});
