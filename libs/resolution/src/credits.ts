/**
 * Usage is summed in whole nanocredits (1e-9), not in floating-point credits: integer sums are
 * exact and independent of order, so a rebuild that adds the same costs in batches, in another
 * order, gives back exactly the live figures. Exact up to 2^53 nanocredits (about 9 million
 * credits) per counter; beyond, sums stay within one part in 10^16.
 */
export const NANOS_PER_CREDIT = 1e9;

/** Credits as whole nanocredits (a cost finer than a nanocredit is rounded). */
export const toNanos = (credits: number): number => Math.round(credits * NANOS_PER_CREDIT);

/** Nanocredits as credits; the nearest double, so 300000000 nanocredits read back as 0.3. */
export const toCredits = (nanos: number): number => nanos / NANOS_PER_CREDIT;
