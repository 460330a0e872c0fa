import { EffectiveRouting, KeyMetadata, LimitReset } from '@keyledger/domain';
import { Refusal } from './refusal';
import { RateLimitState } from './sliding-window';

/** What the gateway asks on each inference request (SPEC §5). */
export interface ResolveRequest {
  /** The customer's secret, forwarded unchanged. */
  readonly secret: string;
  /** The model the request is for; omitted: not checked against the plan tier. */
  readonly model?: string | null;
  /** The scope the request needs; `completions` when omitted. */
  readonly scope?: string | null;
  /** The end user's address, as the gateway saw it: checked against the key's IP allowlist. */
  readonly client_ip?: string | null;
  /** Units this request spends against each of the key's rate limits; 1 when omitted, 0 allowed. */
  readonly rate_limit_cost?: number | null;
}

/** The key as a gateway needs it; `plan_tier` is the tier applied (the default one if the key's is unknown). */
export interface ResolvedKey {
  readonly id: string;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly scopes: readonly string[];
  readonly plan_tier: string;
  readonly metadata: KeyMetadata;
  readonly external_id: string | null;
}

/** Where the key stands against its limit; `remaining` and `limit` are null when unlimited. */
export interface LimitState {
  readonly limit: number | null;
  readonly remaining: number | null;
  readonly reset: LimitReset | null;
  /** End of the current window (ISO-8601); null when the limit never resets. */
  readonly window_end: string | null;
}

/** An admitted request. */
export interface Resolved {
  readonly ok: true;
  readonly key: ResolvedKey;
  readonly routing: EffectiveRouting;
  readonly limit: LimitState;
  /** Each of the key's rate limits after this request (`[]` without any). */
  readonly rate_limits: readonly RateLimitState[];
  /** The limit the X-RateLimit headers report (null without rate limits). */
  readonly tightest_rate_limit: WindowVerdictView | null;
}

/** The figures of the tightest limit, as headers need them. */
export interface WindowVerdictView extends RateLimitState {
  /** Epoch ms of `reset_at`. */
  readonly reset_ms: number;
}

/** The answer to a resolve call. */
export type ResolveOutcome = Resolved | Refusal;

/** The cost of a request, reported after it (SPEC §5 `POST /api/v1/usage`). */
export interface UsageRequest {
  readonly secret: string;
  readonly cost: number;
  readonly byok?: boolean;
  readonly model?: string | null;
}

/** A counted usage report, and the key's limit state after it. */
export interface UsageCounted {
  readonly ok: true;
  readonly key_id: string;
  readonly limit: LimitState;
}

/** The answer to a usage report. */
export type UsageOutcome = UsageCounted | Refusal;
