import { invalid } from '@keyledger/domain';
import { bucketStarts, Granularity, SeriesRange } from '@keyledger/read-models';
import { AnalyticsRangeRequestDto } from './analytics-range.request.dto';

/** Most buckets one answer holds: 90 days of hours, 10 years of days. */
export const MAX_BUCKETS = 2_160;
const DAY_MS = 86_400_000;
const DEFAULT_SPAN_MS: { readonly [G in Granularity]: number } = { hour: DAY_MS, day: 30 * DAY_MS };

/**
 * The range asked for, checked: `from` before `to`, at most `MAX_BUCKETS` buckets, and hourly
 * buckets only within their retention (older ones are kept as days only). 400 names the field.
 */
export function analyticsRange(
  query: AnalyticsRangeRequestDto,
  now: Date,
  hourlyRetentionDays: number,
): SeriesRange {
  const granularity = query.granularity ?? 'hour';
  const toMs = query.to === undefined ? now.getTime() : Date.parse(query.to);
  const fromMs =
    query.from === undefined ? toMs - DEFAULT_SPAN_MS[granularity] : Date.parse(query.from);
  if (fromMs >= toMs) throw invalid([{ field: 'from', message: 'must be before to' }]);
  if (bucketStarts(granularity, fromMs, toMs).length > MAX_BUCKETS) {
    throw invalid([
      { field: 'from', message: `the range must hold at most ${MAX_BUCKETS} ${granularity}s` },
    ]);
  }
  if (granularity === 'hour' && fromMs < now.getTime() - hourlyRetentionDays * DAY_MS) {
    throw invalid([
      {
        field: 'from',
        message: `hourly buckets are kept for ${hourlyRetentionDays} days; ask granularity=day for older usage`,
      },
    ]);
  }
  return { granularity, fromMs, toMs };
}
