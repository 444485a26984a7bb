import { issueStepEvent } from '../../functions/domain/events/issue-events';
import { counterEffects } from '../../functions/domain/issues/counter-effects';
import { deadlines, defaultIssuePolicy, publicLimitsOf, timeLimitFor } from '../../functions/domain/issues/issue-policy';
import type { IssueAction } from '../../functions/domain/issues/workflow';
import { ISSUE_CATEGORIES, type IssueCategory, type IssueSource, type Satisfaction } from '../../functions/domain/vocabulary';
import { countedFacts } from '../../functions/app/issues/counted-facts';
import { issueKey } from '../../functions/store/issues/issue-keys';
import type { IssueChanges, IssueRecord } from '../../functions/store/issues/issue-record';
import type { IssueWriteEffects, NewIssueEvent } from '../../functions/store/issues/issue-repository';
import { seededRandom } from '../support/seeded-random';

/**
 * A synthetic megacity day of hotline reports and their workflow steps, the same for the same
 * options (seeded). Reports arrive on a day curve (quiet nights, morning and afternoon humps)
 * plus a ten-minute storm burst at 09:30 that takes the arrival rate to `peakPerSecond`; stations,
 * grids and categories are drawn Zipf-skewed, and the burst falls on a few stations and one category.
 */
export interface MegacityOptions {
  reports?: number;
  peakPerSecond?: number;
  stations?: number;
  gridsPerStation?: number;
  seed?: number;
  districtId?: string;
  /** The day, as a UTC date (the simulation's clock starts at its midnight). */
  day?: string;
}

/** One write of the day: a report (its first state) or a step from the issue's previous state. */
export type DayWrite =
  | { atMs: number; kind: 'REPORT'; issue: IssueRecord; events: NewIssueEvent[]; effects: IssueWriteEffects }
  | { atMs: number; kind: 'STEP'; issueIndex: number; action: IssueAction; changes: IssueChanges; toStatus: IssueRecord['status'] };

export interface MegacityDay {
  options: Required<MegacityOptions>;
  /** Every write, by time. Steps name their issue by its report's index in `reports`. */
  writes: DayWrite[];
  reports: number;
  steps: number;
}

const BURST_CENTRE_S = 9.5 * 3600;
const BURST_HALF_WIDTH_S = 300;

/** The day's shape before scaling: relative arrival rate at second `s`. */
function dayCurve(s: number): number {
  const hour = s / 3600;
  const hump = (centre: number, width: number) => Math.exp(-(((hour - centre) / width) ** 2));
  return 0.08 + hump(10, 2.2) + 0.9 * hump(15.5, 2.5) + 0.35 * hump(20, 1.5);
}

/**
 * Reports per second of the day: baseline `b(s)` (the curve scaled) plus a triangle burst of height
 * `h` and half-width W. Solving Σb + h·W = reports and b(burst centre) + h = peak gives both scales.
 */
export function arrivalRates(reports: number, peakPerSecond: number): Float64Array {
  const curve = Float64Array.from({ length: 86_400 }, (_, s) => dayCurve(s));
  const curveSum = curve.reduce((sum, value) => sum + value, 0);
  const c = curve[BURST_CENTRE_S]! / curveSum;
  const h = (peakPerSecond - reports * c) / (1 - BURST_HALF_WIDTH_S * c);
  const baseline = reports - h * BURST_HALF_WIDTH_S;
  return curve.map((value, s) => (baseline * value) / curveSum + Math.max(0, h * (1 - Math.abs(s - BURST_CENTRE_S) / BURST_HALF_WIDTH_S)));
}

export const isBurstSecond = (s: number): boolean => Math.abs(s - BURST_CENTRE_S) < BURST_HALF_WIDTH_S;

/** A Zipf(1) draw over 0..n−1 by inverse CDF on precomputed cumulative weights. */
function zipf(n: number, exponent = 1): (random: () => number) => number {
  const cumulative = new Float64Array(n);
  let sum = 0;
  for (let k = 0; k < n; k += 1) cumulative[k] = sum += 1 / (k + 1) ** exponent;
  return (random) => {
    const target = random() * sum;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** Log-normal minutes with the given median (σ = 1): a few quick, a long tail. */
const logNormalMinutes = (random: () => number, median: number): number => {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return median * Math.exp(normal);
};

const SOURCES: [IssueSource, number][] = [
  ['SERVICE_CODE', 0.55],
  ['HOTLINE_12345', 0.25],
  ['PATROL', 0.15],
  ['ONLINE', 0.05],
];
const SATISFACTION: Satisfaction[] = ['SATISFIED', 'SATISFIED', 'SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED'];

export function megacityDay(options: MegacityOptions = {}): MegacityDay {
  const o: Required<MegacityOptions> = {
    reports: options.reports ?? 60_000,
    peakPerSecond: options.peakPerSecond ?? 25,
    stations: options.stations ?? 1_000,
    gridsPerStation: options.gridsPerStation ?? 8,
    seed: options.seed ?? 12345,
    districtId: options.districtId ?? 'megacity',
    day: options.day ?? '2026-07-15',
  };
  const random = seededRandom(o.seed);
  const station = zipf(o.stations);
  const grid = zipf(o.gridsPerStation);
  const category = zipf(ISSUE_CATEGORIES.length);
  const startMs = Date.parse(`${o.day}T00:00:00Z`);
  const policy = defaultIssuePolicy;
  const writes: DayWrite[] = [];
  const rates = arrivalRates(o.reports, o.peakPerSecond);
  let carry = 0;
  let reportIndex = 0;
  const pickSource = (): IssueSource => {
    let draw = random();
    for (const [source, share] of SOURCES) if ((draw -= share) < 0) return source;
    return 'ONLINE';
  };
  for (let s = 0; s < rates.length && reportIndex < o.reports; s += 1) {
    carry += rates[s]!;
    const arrivals = Math.floor(carry);
    carry -= arrivals;
    for (let n = 0; n < arrivals && reportIndex < o.reports; n += 1) {
      const atMs = startMs + s * 1000 + Math.floor(random() * 1000);
      const burst = isBurstSecond(s) && random() < 0.6;
      const stationIndex = burst ? Math.floor(random() * 3) : station(random);
      const categoryName: IssueCategory = burst ? 'DAMAGED_MUNICIPAL_FACILITY' : ISSUE_CATEGORIES[category(random)]!;
      const source = burst ? 'SERVICE_CODE' : pickSource();
      const index = reportIndex;
      reportIndex += 1;
      writes.push(...journey(index, atMs, `S${stationIndex}`, `S${stationIndex}G${grid(random)}`, categoryName, source));
    }
  }

  function journey(index: number, atMs: number, stationId: string, gridId: string, categoryName: IssueCategory, source: IssueSource): DayWrite[] {
    const at = new Date(atMs).toISOString();
    const id = `issue-${String(index).padStart(6, '0')}`;
    const onSite = source === 'PATROL' && random() < 0.3;
    const leaderId = `${gridId}-leader`;
    const base: IssueRecord = {
      ...issueKey(o.districtId, id),
      type: 'ISSUE',
      districtId: o.districtId,
      id,
      title: '井盖破损',
      description: '人行道井盖破损，有行人绊倒的危险，请尽快处理。',
      category: categoryName,
      source,
      priority: 'NORMAL',
      status: onSite ? 'RESOLVED' : 'ASSIGNED',
      location: { lat: 39.9 + random() / 10, lng: 116.3 + random() / 10 },
      photoUrls: [],
      photosShowPeople: false,
      gridId,
      stationId,
      assigneeId: leaderId,
      dispatchedAt: at,
      reportedAt: at,
      reportedDay: o.day,
      ...deadlines(at, timeLimitFor(policy, categoryName, 'NORMAL')),
      resolvedOnSite: onSite,
      confirmations: 0,
      reopenCount: 0,
      eventCount: 2,
      version: 1,
      ...(onSite ? { resolvedAt: at, firstResolvedAt: at } : {}),
    };
    const events: NewIssueEvent[] = [
      { at, actor: source === 'PATROL' ? 'officer' : 'resident', action: 'REPORT', toStatus: 'REPORTED' },
      onSite
        ? { at, actor: 'officer', action: 'RESOLVE', fromStatus: 'REPORTED', toStatus: 'RESOLVED', note: 'resolved on the spot' }
        : { at, actor: 'routing', action: 'ASSIGN', fromStatus: 'REPORTED', toStatus: 'ASSIGNED', note: `routed to grid ${gridId}` },
    ];
    const publicCall =
      source === 'SERVICE_CODE'
        ? { serviceCode: `${o.districtId}-${stationId}`, clientAddress: `10.${index % 250}.${(index >> 8) % 250}.${index % 97}`, limits: publicLimitsOf(policy), at: new Date(atMs) }
        : undefined;
    const report: DayWrite = {
      atMs,
      kind: 'REPORT',
      issue: base,
      events,
      effects: {
        counts: counterEffects(undefined, countedFacts(base), 'REPORT'),
        event: issueStepEvent(base, { action: 'REPORT', at, timezone: 'Asia/Shanghai' }),
        ...(publicCall ? { publicCall } : {}),
      },
    };
    const steps: DayWrite[] = [];
    let t = atMs;
    const step = (action: IssueAction, toStatus: IssueRecord['status'], afterMinutes: number, changes: (at: string) => IssueChanges) => {
      t += Math.max(1, Math.round(afterMinutes * 60_000));
      steps.push({ atMs: t, kind: 'STEP', issueIndex: index, action, toStatus, changes: changes(new Date(t).toISOString()) });
    };
    if (!onSite) {
      if (random() < 0.03) {
        step('REJECT', 'REJECTED', logNormalMinutes(random, 30), () => ({}));
        return [report, ...steps];
      }
      step('START', 'IN_PROGRESS', logNormalMinutes(random, 15), () => ({}));
      step('RESOLVE', 'RESOLVED', logNormalMinutes(random, 90), (now) => ({ resolvedAt: now, firstResolvedAt: now }));
    }
    const rated = source !== 'PATROL';
    step('CLOSE', 'CLOSED', logNormalMinutes(random, 360), (now) => ({
      closedAt: now,
      firstClosedAt: now,
      ...(rated ? { satisfaction: SATISFACTION[Math.floor(random() * SATISFACTION.length)]! } : {}),
    }));
    return [report, ...steps];
  }

  writes.sort((a, b) => a.atMs - b.atMs);
  return { options: o, writes, reports: reportIndex, steps: writes.length - reportIndex };
}

/** Replays a day's writes in time order, keeping each issue's current state: `write` gets the state before and after. */
export async function replayDay(
  day: MegacityDay,
  write: (atMs: number, before: IssueRecord | undefined, after: IssueRecord, dayWrite: DayWrite) => Promise<IssueRecord>,
): Promise<void> {
  const current: IssueRecord[] = [];
  for (const dayWrite of day.writes) {
    if (dayWrite.kind === 'REPORT') {
      const index = Number(dayWrite.issue.id.slice('issue-'.length));
      current[index] = await write(dayWrite.atMs, undefined, dayWrite.issue, dayWrite);
    } else {
      const before = current[dayWrite.issueIndex]!;
      const after: IssueRecord = { ...before, ...dayWrite.changes, status: dayWrite.toStatus };
      current[dayWrite.issueIndex] = await write(dayWrite.atMs, before, after, dayWrite);
    }
  }
}

export const stepEffects = (before: IssueRecord, after: IssueRecord, action: IssueAction, at: string): IssueWriteEffects => ({
  counts: counterEffects(countedFacts(before), countedFacts(after), action),
  // The event's sequence is the issue's version after the step, as the repository writes it.
  event: issueStepEvent({ ...after, version: before.version + 1 }, { action, at, fromStatus: before.status, timezone: 'Asia/Shanghai' }),
});
