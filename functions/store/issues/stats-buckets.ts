import { COUNTER_NAMES, zeroCounters, type IssueCounters } from '../../domain/issues/issue-stats';
import type { CounterEffects } from '../../domain/issues/counter-effects';
import type { Store } from '../client';
import { queryAll, updateExpression } from '../query';
import type { GuardedWrite } from '../transact';

/**
 * Pre-aggregated issue statistics: one item per scope and day of report (district time), whose
 * counters every step of every issue updates with ADD in the same transaction as the step
 * itself. A step that fails writes no counter; one that succeeds writes each once: the
 * counters are exact, and issueStats reads a day per item instead of every issue.
 */
export type StatsScope = { kind: 'ALL' } | { kind: 'STATION'; id: string } | { kind: 'GRID'; id: string };

const scopePartition = (districtId: string, scope: StatsScope): string =>
  `D#${districtId}#ISSUESTATS#${scope.kind === 'ALL' ? 'ALL' : `${scope.kind}#${scope.id}`}`;

const dayKey = (day: string): string => `DAY#${day}`;

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

export function statsBucketWrites(
  store: Store,
  districtId: string,
  day: string,
  scopes: StatsScope[],
  effects: CounterEffects,
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
        Key: { PK: scopePartition(districtId, scope), SK: dayKey(day) },
        ...update,
      },
    },
    onConditionFailed: (options) => new Error('statistics buckets have no condition', options),
  }));
}

/** Sums the buckets of the days `fromDay`..`toDay` (inclusive) of one scope: one Query, a page per few hundred days. */
export async function readStatsBuckets(
  store: Store,
  districtId: string,
  scope: StatsScope,
  fromDay: string,
  toDay: string,
): Promise<{ counters: IssueCounters; minutesToResolve: number[] }> {
  const buckets = await queryAll<StatsBucket>(store, {
    partition: { name: 'PK', value: scopePartition(districtId, scope) },
    sort: { name: 'SK', between: [dayKey(fromDay), dayKey(toDay)] },
  });
  const counters = zeroCounters();
  const minutesToResolve: number[] = [];
  for (const bucket of buckets) {
    for (const name of COUNTER_NAMES) counters[name] += bucket[name] ?? 0;
    minutesToResolve.push(...(bucket.minutesToResolve ?? []));
  }
  return { counters, minutesToResolve };
}
