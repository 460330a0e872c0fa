import { DocumentCollection } from '../store/read-store.port';
import {
  bucketStarts,
  Granularity,
  usageBucketId,
  UsageBucketDocument,
} from './usage-bucket.document';
import { AnalyticsGroupBy, SeriesPoint, usageSeries } from './usage-series';

/** A range of buckets: [fromMs, toMs) in buckets of `granularity`. */
export interface SeriesRange {
  readonly granularity: Granularity;
  readonly fromMs: number;
  readonly toMs: number;
}

const PAGE = 1_000;

/** One key's series: its buckets read by id, one `getMany`. */
export async function keySeries(
  buckets: DocumentCollection<UsageBucketDocument>,
  keyId: string,
  { granularity, fromMs, toMs }: SeriesRange,
): Promise<SeriesPoint[]> {
  const ids = bucketStarts(granularity, fromMs, toMs).map((at) =>
    usageBucketId(granularity, keyId, at),
  );
  const found = await buckets.getMany(ids);
  return usageSeries([...found.values()], granularity, fromMs, toMs);
}

/**
 * An org's series over the keys `covers` admits, read by the (org, granularity, start) index,
 * broken down by `groupBy` when given.
 */
export async function orgSeries(
  buckets: DocumentCollection<UsageBucketDocument>,
  orgId: string,
  covers: (keyId: string) => boolean,
  { granularity, fromMs, toMs }: SeriesRange,
  groupBy: AnalyticsGroupBy | null,
): Promise<SeriesPoint[]> {
  const starts = bucketStarts(granularity, fromMs, toMs).map((at) => new Date(at).toISOString());
  const inOrg: UsageBucketDocument[] = [];
  let cursor: string | null = null;
  do {
    const page = await buckets.find({
      where: { org_id: orgId, granularity, start: { in: starts } },
      sort: [{ field: 'start', direction: 'asc' }],
      limit: PAGE,
      cursor,
    });
    inOrg.push(...page.items.filter((bucket) => covers(bucket.key_id)));
    cursor = page.next_cursor;
  } while (cursor !== null);
  return usageSeries(inOrg, granularity, fromMs, toMs, groupBy);
}
