import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DutyPolicy } from '../domain/duty-policy';
import { ConflictError, NotFoundError } from '../shared/errors';
import type { Store } from './client';
import { districtKey, type ItemKey } from './keys';
import { updateExpression } from './query';

export interface DistrictRecord extends ItemKey {
  id: string;
  name: string;
  timezone: string;
  policy: DutyPolicy;
  /** The district file's `reportUrl` template, when it sets one (functions/domain/report-url.ts). */
  reportUrl?: string;
  version: number;
}

export class DistrictRepository {
  /** With a cache, each district is read once (a request's view); without, every call reads. */
  constructor(
    private readonly store: Store,
    private readonly cache?: Map<string, Promise<DistrictRecord | undefined>>,
  ) {}

  get(districtId: string): Promise<DistrictRecord | undefined> {
    if (!this.cache) return this.read(districtId);
    if (!this.cache.has(districtId)) this.cache.set(districtId, this.read(districtId));
    return this.cache.get(districtId)!;
  }

  /** A view of this repository that reads each district at most once: for one request, never for a container. */
  readingOnce(): DistrictRepository {
    return new DistrictRepository(this.store, new Map());
  }

  private async read(districtId: string): Promise<DistrictRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: districtKey(districtId) }));
    return output.Item as DistrictRecord | undefined;
  }

  /**
   * Replaces the district's duty policy on the district item (one UpdateItem touching only
   * `policy` and `version`, so other fields of the item are left as they are). With
   * `expectedVersion` a stale version is CONFLICT; without it the write still succeeds only on
   * an existing district.
   */
  async updateDutyPolicy(districtId: string, policy: DutyPolicy, expectedVersion: number | undefined): Promise<DistrictRecord> {
    try {
      const output = await this.store.doc.send(
        new UpdateCommand({
          TableName: this.store.tableName,
          Key: districtKey(districtId),
          ...updateExpression(
            { set: { policy }, add: { version: 1 } },
            expectedVersion === undefined
              ? { expression: 'attribute_exists(PK)' }
              : { expression: 'attribute_exists(PK) AND version = :expected', values: { ':expected': expectedVersion } },
          ),
          ReturnValues: 'ALL_NEW',
        }),
      );
      return output.Attributes as DistrictRecord;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
      if (expectedVersion === undefined) throw new NotFoundError('District', districtId, { cause: error });
      throw new ConflictError(`District ${districtId} is not at the expected version ${expectedVersion}`, { cause: error });
    }
  }
}
