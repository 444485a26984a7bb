import { Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledgements of cdk-nag findings shared by several constructs. Each one states why the
 * finding is intended; cdk-nag v3 takes them through CDK's own `Validations.of(...).acknowledge`
 * (the successor of v2's NagSuppressions). Findings specific to one construct are acknowledged
 * next to the code that causes them.
 */

/** The CloudFormation logical id of a construct's resource, as cdk-nag names it in finding ids. */
export function logicalIdOf(construct: IConstruct): string {
  return Stack.of(construct).getLogicalId(construct.node.defaultChild as CfnElement);
}

/** AwsSolutions-L1 on our own functions: the runtime is a design decision, upgraded deliberately. */
export function acknowledgeNodeRuntime(fn: IConstruct): void {
  Validations.of(fn).acknowledge({
    id: 'AwsSolutions-L1',
    reason:
      'The project fixes the Lambda runtime at Node.js 22 (nodejs22.x; README, Deploy), the major the test suite runs on; a newer runtime is a deliberate upgrade of both, not a drift.',
  });
}
