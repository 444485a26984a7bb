import { type IAspect } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { CfnLogGroup } from 'aws-cdk-lib/aws-logs';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import type { IConstruct } from 'constructs';

/**
 * Applied to a district's whole stack, so every log group and queue meets the rules wherever it
 * is declared, today's and those constructs add later:
 *
 * - every log group is kept at least `retentionDays` (the district file's `logRetentionDays`,
 *   180 or more: China's Cybersecurity Law asks six months); a group declared with a longer
 *   retention keeps it (one without any is kept forever), one with a shorter gets the district's;
 * - every log group is encrypted with the logs key, every queue with the queues key, unless
 *   it names a customer-managed key of its own.
 */
export class LogAndQueuePolicy implements IAspect {
  constructor(private readonly options: { retentionDays: number; logsKey: IKey; queuesKey: IKey }) {}

  visit(node: IConstruct): void {
    if (node instanceof CfnLogGroup) {
      if (typeof node.retentionInDays === 'number') node.retentionInDays = Math.max(node.retentionInDays, this.options.retentionDays);
      node.kmsKeyId ??= this.options.logsKey.keyArn;
    } else if (node instanceof CfnQueue && node.kmsMasterKeyId === undefined) {
      node.kmsMasterKeyId = this.options.queuesKey.keyArn;
      node.sqsManagedSseEnabled = undefined;
    }
  }
}
