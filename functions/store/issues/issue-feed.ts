import { batchGetItems, itemKeyId } from '../batch-get';
import type { Store } from '../client';
import type { ItemKey } from '../keys';
import { attributeFilter, queryPage } from '../query';
import type { IssueCategory, IssueStatus } from '../../domain/vocabulary';
import { indexPartition } from './issue-keys';
import type { IssueEventRecord, IssueRecord } from './issue-record';

export interface IssueFeedQuery {
  /** UTC ISO instants: from (inclusive) to (exclusive). */
  from: string;
  to: string;
  /** At most this many, newest first. */
  limit: number;
}

/**
 * Read-only feeds of a district's issues for integrations (Open311): issues reported in a time
 * window and the history events of a window, newest first, each bounded by `limit`. Both read
 * the district timeline index (GSI1) by key range, never Scan; what they read is fetched by key
 * so they do not depend on what the index projects.
 */
export class IssueFeed {
  constructor(private readonly store: Store) {}

  async reported(districtId: string, query: IssueFeedQuery & { category?: IssueCategory; statuses?: readonly IssueStatus[] }): Promise<IssueRecord[]> {
    const page = await queryPage<ItemKey>(this.store, {
      range: {
        indexName: 'GSI1',
        partition: { name: 'GSI1PK', value: indexPartition.timeline(districtId) },
        sort: { name: 'GSI1SK', between: [query.from, query.to] },
        descending: true,
      },
      filter: attributeFilter({ equals: { category: query.category }, oneOf: { status: query.statuses } }),
      first: query.limit,
    });
    return this.fetch<IssueRecord>(page.items);
  }

  async updates(districtId: string, query: IssueFeedQuery): Promise<IssueEventRecord[]> {
    const page = await queryPage<ItemKey>(this.store, {
      range: {
        indexName: 'GSI1',
        partition: { name: 'GSI1PK', value: indexPartition.updates(districtId) },
        sort: { name: 'GSI1SK', between: [query.from, query.to] },
        descending: true,
      },
      first: query.limit,
    });
    return this.fetch<IssueEventRecord>(page.items);
  }

  private async fetch<T extends ItemKey>(keys: ItemKey[]): Promise<T[]> {
    const bare = keys.map(({ PK, SK }) => ({ PK, SK }));
    const found = await batchGetItems<T>(this.store, bare);
    return bare.map((key) => found.get(itemKeyId(key))).filter((item): item is T => item !== undefined);
  }
}
