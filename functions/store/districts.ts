import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DutyPolicy } from '../domain/duty-policy';
import type { Store } from './client';
import { districtKey, type ItemKey } from './keys';

export interface DistrictRecord extends ItemKey {
  id: string;
  name: string;
  timezone: string;
  policy: DutyPolicy;
  version: number;
}

export class DistrictRepository {
  constructor(private readonly store: Store) {}

  async get(districtId: string): Promise<DistrictRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: districtKey(districtId) }));
    return output.Item as DistrictRecord | undefined;
  }
}
