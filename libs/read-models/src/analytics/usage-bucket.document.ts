import { CollectionSpec } from '../store/read-store.port';

/** The width of a time-series bucket. */
export type Granularity = 'hour' | 'day';

/** Every granularity, narrowest first. */
export const GRANULARITIES: readonly Granularity[] = ['hour', 'day'];

const WIDTH_MS: { readonly [G in Granularity]: number } = { hour: 3_600_000, day: 86_400_000 };

/** Start (epoch ms) of the UTC hour or day holding `atMs`. */
export const bucketStart = (granularity: Granularity, atMs: number): number =>
  Math.floor(atMs / WIDTH_MS[granularity]) * WIDTH_MS[granularity];

/** Starts (epoch ms) of every bucket overlapping [fromMs, toMs), oldest first. */
export function bucketStarts(granularity: Granularity, fromMs: number, toMs: number): number[] {
  const starts: number[] = [];
  for (let at = bucketStart(granularity, fromMs); at < toMs; at += WIDTH_MS[granularity]) {
    starts.push(at);
  }
  return starts;
}

/** One model's share of a bucket. */
export interface ModelBucket {
  readonly requests: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly cost: number;
  readonly byok_cost: number;
}

/** What a bucket counts: admitted requests, refusals by code, costs, and the same per model. */
export interface BucketFigures {
  readonly requests: number;
  readonly refused: Readonly<Record<string, number>>;
  readonly cost: number;
  readonly byok_cost: number;
  readonly models: Readonly<Record<string, ModelBucket>>;
}

/** One key's usage over one UTC hour or day. */
export interface UsageBucketDocument extends BucketFigures {
  readonly id: string;
  readonly key_id: string;
  /** The key's org (from the usage events' metadata); null for a personal key. */
  readonly org_id: string | null;
  readonly granularity: Granularity;
  /** ISO-8601 start of the bucket. */
  readonly start: string;
}

/** The id of a key's bucket: a key's range is read by id, one `getMany`. */
export const usageBucketId = (granularity: Granularity, keyId: string, startMs: number): string =>
  `${granularity}|${keyId}|${new Date(startMs).toISOString()}`;

/**
 * Usage buckets. A key's series is read by id; an org's by org, granularity and the bucket
 * starts (an `in` list) on the first index; pruning old hourly buckets by the second.
 */
export const USAGE_BUCKET_DOCUMENTS: CollectionSpec<UsageBucketDocument> = {
  name: 'usage_buckets',
  indexes: [{ fields: ['org_id', 'granularity', 'start'] }, { fields: ['granularity', 'start'] }],
};
