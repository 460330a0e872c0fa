/** The length of a usage bucket: one UTC minute. */
export const USAGE_BUCKET_MS = 60_000;

/**
 * Start (epoch ms) of the UTC minute holding `atMs`: the unit a usage batch never spans. Every
 * window that usage or request caps are counted in (minute, hour, day, week, month) is a union
 * of whole minutes.
 */
export const usageBucketStart = (atMs: number): number =>
  Math.floor(atMs / USAGE_BUCKET_MS) * USAGE_BUCKET_MS;
