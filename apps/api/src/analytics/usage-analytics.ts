import { Inject, Injectable } from '@nestjs/common';
import {
  AnalyticsGroupBy,
  bucketStarts,
  DocumentCollection,
  ReadStore,
  SeriesPoint,
  USAGE_BUCKET_DOCUMENTS,
  usageBucketId,
  UsageBucketDocument,
  usageSeries,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';
import { AnalyticsRange } from './analytics-range';

const PAGE = 1_000;

/** Usage time series read from the usage buckets read model. */
@Injectable()
export class UsageAnalytics {
  private readonly buckets: DocumentCollection<UsageBucketDocument>;

  constructor(@Inject(READ_STORE) store: ReadStore) {
    this.buckets = store.collection(USAGE_BUCKET_DOCUMENTS);
  }

  /** One key's series: its buckets read by id, one `getMany`. */
  async ofKey(keyId: string, range: AnalyticsRange): Promise<SeriesPoint[]> {
    const { granularity, fromMs, toMs } = range;
    const ids = bucketStarts(granularity, fromMs, toMs).map((at) =>
      usageBucketId(granularity, keyId, at),
    );
    const found = await this.buckets.getMany(ids);
    return usageSeries([...found.values()], granularity, fromMs, toMs);
  }

  /**
   * An org's series over the keys `covers` admits, read by the (org, granularity, start) index,
   * broken down by `groupBy` when given.
   */
  async ofOrg(
    orgId: string,
    covers: (keyId: string) => boolean,
    range: AnalyticsRange,
    groupBy: AnalyticsGroupBy | null,
  ): Promise<SeriesPoint[]> {
    const { granularity, fromMs, toMs } = range;
    const starts = bucketStarts(granularity, fromMs, toMs).map((at) => new Date(at).toISOString());
    const buckets: UsageBucketDocument[] = [];
    let cursor: string | null = null;
    do {
      const page = await this.buckets.find({
        where: { org_id: orgId, granularity, start: { in: starts } },
        sort: [{ field: 'start', direction: 'asc' }],
        limit: PAGE,
        cursor,
      });
      buckets.push(...page.items.filter((bucket) => covers(bucket.key_id)));
      cursor = page.next_cursor;
    } while (cursor !== null);
    return usageSeries(buckets, granularity, fromMs, toMs, groupBy);
  }
}
