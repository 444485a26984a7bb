import { verdicts } from '../../../../bench/scale';
import { CONFLICTS_PER_ITEM_PER_SECOND, PARTITION_LIMITS } from '../../../../bench/scale/partition-load';
import { simulateDay } from '../../../../bench/scale/simulate';
import { STATS_SHARDS } from '../../../../functions/store/issues/stats-buckets';

/** A smaller day with the same storm: 9 000 reports, 25 a second at the peak. */
const DAY = { reports: 9_000, peakPerSecond: 25, stations: 1_000 };

describe('the megacity simulation', () => {
  test('given one statistics item per scope and day (no shards), when the storm peak is replayed, then the district and busiest station buckets are the hottest items, over the conflict bar', async () => {
    const unsharded = { ALL: 1, STATION: 1, GRID: 1 };
    const saved = { ...STATS_SHARDS };
    Object.assign(STATS_SHARDS, unsharded);
    try {
      const { load } = await simulateDay(DAY);

      const hottest = load.items.slice(0, 2).map((item) => item.item);
      expect(hottest[0]).toMatch(/^D#megacity#ISSUESTATS#ALL DAY#/);
      expect(hottest[1]).toMatch(/^D#megacity#ISSUESTATS#STATION#S\d DAY#/);
      expect(load.items[0]!.peakConflicts).toBeGreaterThan(CONFLICTS_PER_ITEM_PER_SECOND);
      expect(verdicts(load).some((failure) => failure.includes('ISSUESTATS#ALL'))).toBe(true);
    } finally {
      Object.assign(STATS_SHARDS, saved);
    }
  }, 300_000);

  test('given the sharded counters, when the same day is replayed, then every partition and item stays under the limits at the peak', async () => {
    const { load } = await simulateDay(DAY);

    expect(verdicts(load)).toEqual([]);
    expect(load.partitions[0]!.peakWriteUnits).toBeLessThanOrEqual(PARTITION_LIMITS.writeUnitsPerSecond);
    expect(load.items[0]!.peakConflicts).toBeLessThanOrEqual(CONFLICTS_PER_ITEM_PER_SECOND);
  }, 300_000);
});
