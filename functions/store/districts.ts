import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DutyPolicy } from '../domain/duty-policy';
import type { Store } from './client';
import { updateDutyPolicy } from './duty-policy';
import { districtKey, type ItemKey } from './keys';

export interface DistrictRecord extends ItemKey {
  id: string;
  name: string;
  timezone: string;
  policy: DutyPolicy;
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

  /** Replaces the duty policy, guarded by the district's version (CONFLICT when stale, NOT_FOUND without the district). */
  updateDutyPolicy(districtId: string, policy: DutyPolicy, expectedVersion: number | undefined): Promise<DistrictRecord> {
    return updateDutyPolicy(this.store, districtId, policy, expectedVersion);
  }

  /** A view of this repository that reads each district at most once: for one request, never for a container. */
  readingOnce(): DistrictRepository {
    return new DistrictRepository(this.store, new Map());
  }

  private async read(districtId: string): Promise<DistrictRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: districtKey(districtId) }));
    return output.Item as DistrictRecord | undefined;
  }
}
