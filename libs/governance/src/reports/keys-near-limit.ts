import { LimitReset } from '@keyledger/domain';
import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

/** A key whose usage in its limit window has reached the threshold. */
export interface LimitPressureRow extends KeyRow {
  readonly limit: number;
  readonly limit_reset: LimitReset | null;
  /** Usage counted against the limit: in the current window, or all time without a reset. */
  readonly window_usage: number;
  /** Share of the limit used, in percent, to one decimal. */
  readonly used_percent: number;
  /** The limit is used up: requests are refused until the window resets. */
  readonly exhausted: boolean;
}

const WINDOW_USAGE = {
  daily: 'usage_daily',
  weekly: 'usage_weekly',
  monthly: 'usage_monthly',
} as const satisfies Record<LimitReset, keyof ReportedKey>;

/** Usage counted against the key's limit (SPEC §3: `limit_remaining = limit − usage in the window`). */
export const windowUsage = (key: ReportedKey): number =>
  key.limit_reset === null ? key.usage : key[WINDOW_USAGE[key.limit_reset]];

/** Live limited keys at or above `thresholdPercent` of their limit, over it included, in input order. */
export function* keysNearLimit(
  keys: Iterable<ReportedKey>,
  thresholdPercent: number,
  now: Date,
): Generator<LimitPressureRow> {
  for (const key of keys) {
    const { limit, limit_reset } = key;
    if (limit === null || !isLive(key, now)) continue;
    const window_usage = windowUsage(key);
    // A zero limit allows nothing: it is used up from the start.
    const share = limit === 0 ? 1 : window_usage / limit;
    if (share * 100 < thresholdPercent) continue;
    yield keyRow(key, now, {
      limit,
      limit_reset,
      window_usage,
      used_percent: Math.round(share * 1000) / 10,
      exhausted: window_usage >= limit,
    });
  }
}
