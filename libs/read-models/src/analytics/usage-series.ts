import { addUsage, EMPTY_FIGURES } from './usage-bucket.projection';
import {
  bucketStarts,
  BucketFigures,
  Granularity,
  ModelBucket,
  UsageBucketDocument,
} from './usage-bucket.document';

/** How an org's series is broken down in each point. */
export type AnalyticsGroupBy = 'key' | 'model' | 'outcome';

/** One group's share of a point. */
export interface GroupFigures {
  readonly requests: number;
  readonly cost: number;
  readonly byok_cost: number;
}

/** One bucket of a series: its start and what was counted in it. */
export interface SeriesPoint extends BucketFigures {
  readonly start: string;
  /** With a `group_by`: the point broken down by key id, model or outcome (`admitted` or a refusal code). */
  readonly groups?: Readonly<Record<string, GroupFigures>>;
}

/** Two buckets' figures as one (an org's keys in the same hour). */
function merge(a: BucketFigures, b: BucketFigures): BucketFigures {
  return addUsage(a, {
    key_id: '',
    instance_id: '',
    from: '',
    to: '',
    requests: b.requests,
    cost: b.cost,
    byok_cost: b.byok_cost,
    refused: b.refused,
    limit_reset_position: null,
    by_model: Object.fromEntries(
      Object.entries(b.models).map(([model, m]: [string, ModelBucket]) => [
        model,
        { reports: 0, ...m },
      ]),
    ),
  });
}

const addGroup = (
  groups: Record<string, GroupFigures>,
  name: string,
  figures: GroupFigures,
): void => {
  const before = Object.hasOwn(groups, name)
    ? groups[name]
    : { requests: 0, cost: 0, byok_cost: 0 };
  Object.defineProperty(groups, name, {
    value: {
      requests: before.requests + figures.requests,
      cost: Math.round((before.cost + figures.cost) * 1e9) / 1e9,
      byok_cost: Math.round((before.byok_cost + figures.byok_cost) * 1e9) / 1e9,
    },
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

function groupInto(
  groups: Record<string, GroupFigures>,
  bucket: UsageBucketDocument,
  by: AnalyticsGroupBy,
): void {
  const { requests, cost, byok_cost } = bucket;
  if (by === 'key') return addGroup(groups, bucket.key_id, { requests, cost, byok_cost });
  if (by === 'model') {
    for (const [model, m] of Object.entries(bucket.models)) addGroup(groups, model, m);
    return;
  }
  addGroup(groups, 'admitted', { requests, cost, byok_cost });
  for (const [code, n] of Object.entries(bucket.refused)) {
    addGroup(groups, code, { requests: n, cost: 0, byok_cost: 0 });
  }
}

/**
 * The series over [fromMs, toMs): one point per bucket, empty ones included (so a chart needs no
 * gap filling), each summing the buckets given for it, broken down by `groupBy` when asked.
 */
export function usageSeries(
  buckets: readonly UsageBucketDocument[],
  granularity: Granularity,
  fromMs: number,
  toMs: number,
  groupBy: AnalyticsGroupBy | null = null,
): SeriesPoint[] {
  const byStart = new Map<string, UsageBucketDocument[]>();
  for (const bucket of buckets) {
    if (bucket.granularity !== granularity) continue;
    byStart.set(bucket.start, [...(byStart.get(bucket.start) ?? []), bucket]);
  }
  return bucketStarts(granularity, fromMs, toMs).map((at) => {
    const start = new Date(at).toISOString();
    const inBucket = byStart.get(start) ?? [];
    const figures = inBucket.reduce<BucketFigures>(merge, EMPTY_FIGURES);
    const { requests, refused, cost, byok_cost, models } = figures;
    if (groupBy === null) return { start, requests, refused, cost, byok_cost, models };
    const groups: Record<string, GroupFigures> = {};
    for (const bucket of inBucket) groupInto(groups, bucket, groupBy);
    return { start, requests, refused, cost, byok_cost, models, groups };
  });
}
