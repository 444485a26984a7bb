import { deadlines, defaultIssuePolicy, timeLimitFor } from '../../../../functions/domain/issues/issue-policy';
import { percentile, summarizeIssues, zeroCounters } from '../../../../functions/domain/issues/issue-stats';
import { gridContaining, metresBetween } from '../../../../functions/domain/issues/routing';

const square = (west: number, south: number, size = 0.001) => ({
  type: 'Polygon' as const,
  coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]],
});

describe('time limits', () => {
  test('given the defaults, when limits are looked up, then urgent is 1 h / 24 h and normal 24 h / 72 h', () => {
    expect(timeLimitFor(defaultIssuePolicy, 'OTHER', 'URGENT')).toMatchObject({ dispatchMinutes: 60, resolveMinutes: 1440 });
    expect(timeLimitFor(defaultIssuePolicy, 'OTHER', 'NORMAL')).toMatchObject({ dispatchMinutes: 1440, resolveMinutes: 4320 });
  });

  test('given a policy without a default for a priority, when a limit is looked up, then the built-in one applies', () => {
    expect(timeLimitFor({ ...defaultIssuePolicy, timeLimits: [] }, 'OTHER', 'URGENT').resolveMinutes).toBe(1440);
  });

  test('given a report time, when deadlines are computed, then they are that many minutes later', () => {
    expect(deadlines('2026-11-21T00:00:00.000Z', { priority: 'URGENT', dispatchMinutes: 60, resolveMinutes: 1440 })).toEqual({
      dispatchDueAt: '2026-11-21T01:00:00.000Z',
      dueAt: '2026-11-22T00:00:00.000Z',
    });
  });
});

describe('routing', () => {
  const grids = [
    { id: 'b', stationId: 's2', boundary: square(115.0, 24.7) },
    { id: 'a', stationId: 's1', boundary: square(115.002, 24.7) },
    { id: 'c', stationId: 's3' },
  ];

  test('given a point inside a grid, when routed, then that grid is chosen', () => {
    expect(gridContaining({ lat: 24.7005, lng: 115.0025 }, grids)?.id).toBe('a');
  });

  test('given a point outside every grid, when routed, then no grid', () => {
    expect(gridContaining({ lat: 24.71, lng: 115.1 }, grids)).toBeUndefined();
  });

  test('given two points 0.001° of latitude apart, when measured, then about 111 m', () => {
    expect(metresBetween({ lat: 24.7, lng: 115 }, { lat: 24.701, lng: 115 })).toBeCloseTo(111.2, 0);
  });
});

describe('stats', () => {
  test('given values, when percentiles are taken, then they interpolate between ranks', () => {
    expect(percentile([10, 20, 30, 40], 0.5)).toBe(25);
    expect(percentile([5], 0.9)).toBe(5);
    expect(percentile([], 0.5)).toBeNull();
  });

  test('given no issues, when summarized, then every rate is null rather than NaN', () => {
    const stats = summarizeIssues(zeroCounters(), [], 0);
    expect([stats.registrationRate, stats.onSiteResolutionRate, stats.satisfactionRate, stats.reworkRate, stats.onTimeClosureRate]).toEqual([null, null, null, null, null]);
  });
});
