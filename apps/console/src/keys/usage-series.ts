import { Key } from '@keyledger/client';

/**
 * A key's usage as the API reports it today: credits this month, this week and today. Until the
 * analytics issue adds a time series, these windows are the only figures over time there are.
 */
export const USAGE_WINDOWS = ['this month', 'this week', 'today'] as const;

/** Credits and requests per window, in USAGE_WINDOWS order. */
export function usageSeries(key: Key): { readonly credits: number[]; readonly requests: number[] } {
  return {
    credits: [key.usage_monthly, key.usage_weekly, key.usage_daily],
    requests: [key.requests_monthly, key.requests_weekly, key.requests_daily],
  };
}
