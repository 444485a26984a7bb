import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { erasedReporterData } from '../../domain/privacy/personal-data';
import { NotFoundError } from '../../shared/errors';
import type { Store } from '../client';
import type { IssueRecord } from '../issues/issue-record';
import { issueKey } from '../issues/issue-keys';
import { queryAll } from '../query';
import { erasablePartition } from './erasable-index';

/** When a reporter's data was erased (kept on the issue: the first erasure's time). */
export type ErasedIssueRecord = IssueRecord & { reporterDataErasedAt?: string };

/**
 * Erasing a reporter's data from an issue item. Only the item holds it (no index projects it,
 * store/table-definition.ts), and its statistics buckets never did, so one UpdateItem erases it
 * everywhere and leaves every count as it was. Idempotent: erasing again changes nothing but
 * leaves the first erasure's time.
 */
export class IssueErasure {
  constructor(private readonly store: Store) {}

  /** Keys of the district's closed issues holding a reporter's data, closed before `cutoff` (GSI8, one key range). */
  async closedBefore(districtId: string, cutoff: string): Promise<{ id: string }[]> {
    const entries = await queryAll<{ PK: string; SK: string; GSI8SK: string }>(this.store, {
      indexName: 'GSI8',
      partition: { name: 'GSI8PK', value: erasablePartition(districtId) },
      sort: { name: 'GSI8SK', below: cutoff },
    });
    return entries.map((entry) => ({ id: entry.GSI8SK.slice(entry.GSI8SK.indexOf('#') + 1) }));
  }

  /** Removes the contact and the photos showing people, and takes the issue out of the erasure index; one UpdateItem. */
  async erase(issue: IssueRecord, at: string): Promise<ErasedIssueRecord> {
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: issueKey(issue.districtId, issue.id),
          UpdateExpression: 'SET #photos = :photos, #erasedAt = if_not_exists(#erasedAt, :at) REMOVE #contact, #erasablePK, #erasableSK',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeNames: {
            '#photos': 'photoUrls',
            '#erasedAt': 'reporterDataErasedAt',
            '#contact': 'reporterContact',
            '#erasablePK': 'GSI8PK',
            '#erasableSK': 'GSI8SK',
          },
          ExpressionAttributeValues: { ':photos': erasedReporterData(issue).photoUrls, ':at': at },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return output.Attributes as ErasedIssueRecord;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new NotFoundError('Issue', issue.id, { cause: error });
      throw error;
    }
  }
}
