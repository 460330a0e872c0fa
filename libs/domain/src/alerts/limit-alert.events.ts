/**
 * A key's usage in its limit window reached `threshold` percent of its limit. Recorded at most
 * once per key, threshold and window (see `limitAlertId`), on its own `key_limit_alert-<id>`
 * stream appended with `no_stream`, so two instances crossing it together record it once.
 */
export interface KeyLimitThresholdReached {
  readonly type: 'KeyLimitThresholdReached';
  readonly data: {
    readonly key_id: string;
    /** Percent of the limit. */
    readonly threshold: number;
    /** Credits. */
    readonly limit: number;
    /** Credits counted toward the limit in the window when the threshold was seen crossed. */
    readonly usage: number;
    /** End of the window (ISO-8601); null for a limit that never resets. */
    readonly window_end: string | null;
  };
}

/** Stream of one alert: its id is the event's deterministic id. */
export const limitAlertStream = (alertId: string): string => `key_limit_alert-${alertId}`;
