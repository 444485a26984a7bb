import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DomainEvent } from '../domain/events/domain-event';
import type { DutyPolicy } from '../domain/duty-policy';
import { ConflictError } from '../shared/errors';
import type { Store } from './client';
import { districtTimezone } from './district-timezones';
import { districtKey, type ItemKey } from './keys';
import { outboxWrite } from './outbox';
import { updateExpression } from './query';
import { transactWrite } from './transact';

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

  /** The district's time zone, read once per container (events carry the district's offset). */
  timezoneOf(districtId: string): Promise<string> {
    return districtTimezone(this.store, districtId);
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
   * Replaces the district's duty policy on the district item (an update touching only `policy`
   * and `version`, so other fields of the item are left as they are), with its event in the same
   * transaction. Written only at `readVersion`: a concurrent change is CONFLICT and writes nothing.
   */
  async updateDutyPolicy(districtId: string, policy: DutyPolicy, readVersion: number, event: DomainEvent): Promise<{ policy: DutyPolicy; version: number }> {
    await transactWrite(this.store, [
      {
        item: {
          Update: {
            TableName: this.store.tableName,
            Key: districtKey(districtId),
            ...updateExpression({ set: { policy }, add: { version: 1 } }, { expression: 'attribute_exists(PK) AND version = :expected', values: { ':expected': readVersion } }),
          },
        },
        onConditionFailed: (options) => new ConflictError(`District ${districtId} is not at the expected version ${readVersion}`, options),
      },
      outboxWrite(this.store, event),
    ]);
    return { policy, version: readVersion + 1 };
  }
}
