import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
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

export type DistrictFields = Pick<DistrictRecord, 'id' | 'name' | 'timezone' | 'policy'>;

export class DistrictRepository {
  constructor(private readonly store: Store) {}

  async get(districtId: string): Promise<DistrictRecord | undefined> {
    const output = await this.store.doc.send(new GetCommand({ TableName: this.store.tableName, Key: districtKey(districtId) }));
    return output.Item as DistrictRecord | undefined;
  }

  /** Writes the district only if it does not exist yet; answers whether it was created. */
  async createIfAbsent(fields: DistrictFields): Promise<boolean> {
    try {
      await this.store.doc.send(
        new PutCommand({
          TableName: this.store.tableName,
          Item: { ...districtKey(fields.id), ...fields, version: 1 },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
