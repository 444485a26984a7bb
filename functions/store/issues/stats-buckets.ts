import { COUNTER_NAMES, zeroCounters, type IssueCounters } from '../../domain/issues/issue-stats';
import type { CounterEffects } from '../../domain/issues/counter-effects';
import type { Store } from '../client';
import { shardOf } from '../shard';
import { queryAll, updateExpression } from '../query';
import type { GuardedWrite } from '../transact';

/**
 * Pre-aggregated issue statistics: per scope and day of report (district time), a few shard
 * items whose counters every step of every issue updates with ADD in the same transaction as the
 * step itself. A step that fails writes no counter; one that succeeds writes each once: the
 * counters are exact, and issueStats reads a day's shards instead of every issue.
 *
 * Why shards: every step of every issue of the day updates its scopes' buckets, and two
 * transactions on one item at once conflict. At a megacity's peak (25 reports a second) one
 * district bucket would take ~27 transactions a second and conflict on most of them
 * (docs/scale.md). The writer spreads an issue's updates over `SHARDS[scope]` items by a hash
 * of the issue id (all of one issue's steps land on one shard); the reader sums whatever shards
 * a day has, so the shard counts can change without a migration (the unsharded `DAY#<day>`
 * items written before shards existed are read as one more shard).
 */
export type StatsScope = { kind: 'ALL' } | { kind: 'STATION'; id: string } | { kind: 'GRID'; id: string };

const scopePartition = (districtId: string, scope: StatsScope): string =>
  `D#${districtId}#ISSUESTATS#${scope.kind === 'ALL' ? 'ALL' : `${scope.kind}#${scope.id}`}`;

const dayKey = (day: string): string => `DAY#${day}`;

/** Shard items per scope and day: enough that no shard conflicts often at a megacity's peak (docs/scale.md). */
export const STATS_SHARDS: Record<StatsScope['kind'], number> = { ALL: 64, STATION: 32, GRID: 8 };


const shardKey = (day: string, shard: number): string => `${dayKey(day)}#${String(shard).padStart(2, '0')}`;

/** The scopes an issue counts in: the whole district, its station and its grid. */
export function scopesOf(issue: { stationId?: string; gridId?: string }): StatsScope[] {
  return [
    { kind: 'ALL' },
    ...(issue.stationId ? [{ kind: 'STATION', id: issue.stationId } as const] : []),
    ...(issue.gridId ? [{ kind: 'GRID', id: issue.gridId } as const] : []),
  ];
}

interface StatsBucket extends Partial<IssueCounters> {
  minutesToResolve?: number[];
}

/** The bucket updates of one step of issue `issueId` (reported on `day`): one shard per scope. */
export function statsBucketWrites(
  store: Store,
  districtId: string,
  day: string,
  scopes: StatsScope[],
  effects: CounterEffects,
  issueId: string,
): GuardedWrite[] {
  const counters = Object.entries(effects.increments).filter(([, by]) => by !== 0);
  if (counters.length === 0 && effects.minutesToResolve === undefined) return [];
  const update = updateExpression({
    add: Object.fromEntries(counters),
    append: effects.minutesToResolve === undefined ? {} : { minutesToResolve: [effects.minutesToResolve] },
  });
  return scopes.map((scope) => ({
    item: {
      Update: {
        TableName: store.tableName,
        Key: { PK: scopePartition(districtId, scope), SK: shardKey(day, shardOf(issueId, STATS_SHARDS[scope.kind])) },
        ...update,
      },
    },
    onConditionFailed: (options) => new Error('statistics buckets have no condition', options),
  }));
}

/**
 * Sums the buckets of the days `fromDay`..`toDay` (inclusive) of one scope, every shard of each
 * (`DAY#<day>` and `DAY#<day>#<shard>` sort between `DAY#<fromDay>` and `DAY#<toDay>#~`): one Query.
 */
export async function readStatsBuckets(
  store: Store,
  districtId: string,
  scope: StatsScope,
  fromDay: string,
  toDay: string,
): Promise<{ counters: IssueCounters; minutesToResolve: number[] }> {
  const buckets = await queryAll<StatsBucket>(store, {
    partition: { name: 'PK', value: scopePartition(districtId, scope) },
    sort: { name: 'SK', between: [dayKey(fromDay), `${dayKey(toDay)}#~`] },
  });
  const counters = zeroCounters();
  const minutesToResolve: number[] = [];
  for (const bucket of buckets) {
    for (const name of COUNTER_NAMES) counters[name] += bucket[name] ?? 0;
    minutesToResolve.push(...(bucket.minutesToResolve ?? []));
  }
  return { counters, minutesToResolve };
}
