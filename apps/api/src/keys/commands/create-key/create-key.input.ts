import { KeyMetadata, KeyOwnership, LimitReset } from '@keyledger/domain';

/** One named sliding-window limit: at most `limit` per `duration_ms`. */
export interface RateLimitInput {
  readonly name: string;
  readonly limit: number;
  readonly duration_ms: number;
}

/**
 * What a key create names, whichever surface it came in by (the canonical body, OpenRouter's):
 * plain data, checked by the domain. Omitted fields take the create's defaults (SPEC §2).
 */
export interface CreateKeyInput {
  readonly name: string;
  readonly scope?: KeyOwnership;
  readonly org_id?: string;
  readonly scopes?: readonly string[];
  readonly limit?: number | null;
  readonly limit_reset?: LimitReset | null;
  readonly include_byok_in_limit?: boolean;
  readonly expires_at?: string | null;
  readonly allowed_ips?: readonly string[];
  readonly rate_limits?: readonly RateLimitInput[];
  /** Percentages of the limit at which a threshold event is recorded; omitted: the org's default. */
  readonly alert_thresholds?: readonly number[];
  readonly metadata?: KeyMetadata;
  readonly external_id?: string | null;
}
