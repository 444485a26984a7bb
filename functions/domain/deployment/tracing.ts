import * as z from 'zod';

/**
 * The share of a district's requests X-Ray traces beyond the first each second: 5 %, X-Ray's own
 * default, enough to see where time goes at a district's traffic without paying for every request.
 */
export const DEFAULT_TRACE_SAMPLE_RATE = 0.05;

/** A district file's `tracing`: how much of its traffic X-Ray records (infra/constructs/trace-sampling.ts). */
export const tracingSchema = z
  .strictObject({
    /** The fixed rate of X-Ray's sampling rule, 0 to 1 (0.05: one request in twenty), after the first request of each second. */
    sampleRate: z.number().min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1'),
  });

export type TracingSettings = z.output<typeof tracingSchema>;
