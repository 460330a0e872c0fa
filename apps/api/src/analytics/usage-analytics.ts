import { Inject, Injectable } from '@nestjs/common';
import {
  AnalyticsGroupBy,
  DocumentCollection,
  keySeries,
  orgSeries,
  ReadStore,
  SeriesPoint,
  SeriesRange,
  USAGE_BUCKET_DOCUMENTS,
  UsageBucketDocument,
} from '@keyledger/read-models';
import { READ_STORE } from '../infrastructure/tokens';

/** Usage time series read from the usage buckets read model. */
@Injectable()
export class UsageAnalytics {
  private readonly buckets: DocumentCollection<UsageBucketDocument>;

  constructor(@Inject(READ_STORE) store: ReadStore) {
    this.buckets = store.collection(USAGE_BUCKET_DOCUMENTS);
  }

  /** One key's series. */
  ofKey(keyId: string, range: SeriesRange): Promise<SeriesPoint[]> {
    return keySeries(this.buckets, keyId, range);
  }

  /** An org's series over the keys `covers` admits. */
  ofOrg(
    orgId: string,
    covers: (keyId: string) => boolean,
    range: SeriesRange,
    groupBy: AnalyticsGroupBy | null,
  ): Promise<SeriesPoint[]> {
    return orgSeries(this.buckets, orgId, covers, range, groupBy);
  }
}
