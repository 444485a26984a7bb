import { createHash } from 'node:crypto';
import { Stack, Token } from 'aws-cdk-lib';
import { CfnSamplingRule } from 'aws-cdk-lib/aws-xray';
import { Construct } from 'constructs';
import { isChinaRegion } from '../../functions/domain/deployment/region';
import type { TracingSettings } from '../../functions/domain/deployment/tracing';

export interface TraceSamplingProps {
  districtId: string;
  /** The district file's `tracing` (functions/domain/deployment/tracing.ts). */
  tracing: TracingSettings;
}

/** X-Ray's limit on a rule's name. */
const MAX_RULE_NAME = 32;

/** The priority of the districts' rules: before X-Ray's default rule (10 000), after any rule an operator adds by hand below it. */
export const DISTRICT_SAMPLING_PRIORITY = 9000;

/**
 * The district's X-Ray sampling rule: the first request of each second, then `sampleRate` of the
 * rest, for this district's functions alone. X-Ray names a Lambda function's segments after the
 * function, and every function of the stack is named after the stack (`CommunityCityServices-<id>-…`),
 * so the rule matches that prefix with service type `AWS::Lambda::Function`. Lambda asks X-Ray for
 * the sampling decision of an invocation no upstream service has decided (active tracing; the HTTP
 * API traces nothing itself). None in the China regions, which have no tracing at all
 * (infra/constructs/active-tracing.ts; the district file refuses a rate there).
 */
export class TraceSampling extends Construct {
  readonly rule?: CfnSamplingRule;

  constructor(scope: Construct, id: string, props: TraceSamplingProps) {
    super(scope, id);
    const stack = Stack.of(this);
    if (!Token.isUnresolved(stack.region) && isChinaRegion(stack.region)) return;
    this.rule = new CfnSamplingRule(this, 'Rule', {
      samplingRule: {
        ruleName: ruleNameOf(props.districtId),
        priority: DISTRICT_SAMPLING_PRIORITY,
        fixedRate: props.tracing.sampleRate,
        reservoirSize: 1,
        serviceName: `${stack.stackName}-*`,
        serviceType: 'AWS::Lambda::Function',
        host: '*',
        httpMethod: '*',
        urlPath: '*',
        resourceArn: '*',
        version: 1,
      },
    });
  }
}

/** `ccs-<district>`, or for a long id its first letters and a digest of the whole, so two districts never share a name. */
export function ruleNameOf(districtId: string): string {
  const name = `ccs-${districtId}`;
  if (name.length <= MAX_RULE_NAME) return name;
  const digest = createHash('sha256').update(districtId).digest('hex').slice(0, 8);
  return `${name.slice(0, MAX_RULE_NAME - digest.length - 1)}-${digest}`;
}
