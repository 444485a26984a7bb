/** Order statistics of timing samples (milliseconds). */

export function percentile(samples: readonly number[], fraction: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (samples: readonly number[]): number => percentile(samples, 0.5);
export const p99 = (samples: readonly number[]): number => percentile(samples, 0.99);

export interface PairedSamples {
  measured: number[];
  baseline: number[];
}

/**
 * Runs `measured` and `baseline` alternately, ABBA order (so neither always runs first after the
 * other, which would favour whichever benefits from a warm cache), `rounds` times each after
 * `warmUp` unrecorded rounds. Each function answers its own duration in ms.
 */
export async function alternate(
  rounds: number,
  warmUp: number,
  measured: (round: number) => Promise<number>,
  baseline: (round: number) => Promise<number>,
): Promise<PairedSamples> {
  const samples: PairedSamples = { measured: [], baseline: [] };
  for (let round = 0; round < warmUp + rounds; round += 1) {
    const order = round % 2 === 0 ? [measured, baseline] : [baseline, measured];
    const [first, second] = [await order[0]!(round), await order[1]!(round)];
    if (round < warmUp) continue;
    const [measuredMs, baselineMs] = round % 2 === 0 ? [first, second] : [second, first];
    samples.measured.push(measuredMs);
    samples.baseline.push(baselineMs);
  }
  return samples;
}

/** Milliseconds with a precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value >= 100) return `${value.toFixed(0)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

export const ratio = (measured: number, baseline: number): string => `${(measured / baseline).toFixed(2)}×`;
