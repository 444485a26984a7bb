import { Stack, Token, Validations, type IAspect } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { CfnFunction, Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import type { IConstruct } from 'constructs';
import { isChinaRegion } from '../../functions/domain/deployment/region';

/**
 * The only X-Ray actions a function needs to send its traces. X-Ray has no resource-level
 * permissions for them: their statement names no resource ("*"), the one exception
 * test/infra/least-privilege.test.ts allows.
 */
export const XRAY_WRITE_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'];

/**
 * Applied to a district's whole stack: every Lambda function, today's and those constructs add
 * later (CDK's own custom-resource functions too), runs with X-Ray active tracing and may write
 * its trace segments. Not in the China regions, where Lambda has no X-Ray integration
 * (infra/china-availability.ts): there no function traces, and each is told so
 * (`POWERTOOLS_TRACE_ENABLED=false`), so Powertools Tracer (functions/shared/tracing.ts) stays a
 * no-op instead of looking for a trace that Lambda never starts.
 */
export class ActiveTracing implements IAspect {
  visit(node: IConstruct): void {
    if (!(node instanceof CfnFunction)) return;
    const region = Stack.of(node).region;
    const owner = node.node.scope;
    if (!Token.isUnresolved(region) && isChinaRegion(region)) {
      if (owner instanceof LambdaFunction) owner.addEnvironment('POWERTOOLS_TRACE_ENABLED', 'false');
      return;
    }
    node.tracingConfig = { mode: 'Active' };
    if (!(owner instanceof LambdaFunction) || !owner.role) return;
    owner.addToRolePolicy(new PolicyStatement({ actions: XRAY_WRITE_ACTIONS, resources: ['*'] }));
    Validations.of(owner.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason: 'X-Ray has no resource-level permissions for PutTraceSegments and PutTelemetryRecords; the statement grants those two actions only.',
    });
  }
}
