import { FieldList } from '../core/field-list';

/** Whose a key is: its owner's alone, or shared with an organization (SPEC §2). */
export type KeyOwnership = 'personal' | 'org';

/** A window after which usage starts again from zero; null never resets (SPEC §3). */
export type LimitReset = 'daily' | 'weekly' | 'monthly';

/** What a key may be used for; the service may know more scopes than these. */
export type KeyScope =
  'completions' | 'skills' | 'billing' | 'management' | (string & Record<never, never>);

/** What a key has used (SPEC §3): credits, BYOK credits and requests, all time and per window. */
export interface KeyUsageFigures {
  readonly usage: number;
  readonly usage_daily: number;
  readonly usage_weekly: number;
  readonly usage_monthly: number;
  /** Usage billed to the customer's own provider key. */
  readonly byok_usage: number;
  readonly byok_usage_daily: number;
  readonly byok_usage_weekly: number;
  readonly byok_usage_monthly: number;
  readonly requests: number;
  readonly requests_daily: number;
  readonly requests_weekly: number;
  readonly requests_monthly: number;
  readonly last_used_at: string | null;
}

/** One named sliding-window rate limit of a key: at most `limit` per `duration_ms` (SPEC §9). */
export interface RateLimit {
  readonly name: string;
  readonly limit: number;
  readonly duration_ms: number;
}

/** A key's metadata: at most 50 scalar values, 4 KB as JSON. */
export type KeyMetadata = Readonly<Record<string, string | number | boolean | null>>;

/** A key as the API shows it (SPEC §2): never its secret. */
export interface Key extends KeyUsageFigures {
  readonly id: string;
  /** The keyed hash of the secret: management routes accept it in place of the id. */
  readonly hash: string;
  /** A display label, `rk_0123…cdef`. */
  readonly label: string;
  readonly name: string;
  readonly scope: KeyOwnership;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly scopes: readonly KeyScope[];
  readonly disabled: boolean;
  readonly revoked: boolean;
  /** Credits; null for unlimited. */
  readonly limit: number | null;
  readonly limit_reset: LimitReset | null;
  readonly include_byok_in_limit: boolean;
  readonly limit_remaining: number | null;
  /** End of the current limit window; null when unlimited or never resetting. */
  readonly limit_window_end: string | null;
  readonly plan_tier: string | null;
  readonly routing_preference_id: string | null;
  /** Canonical CIDRs the key resolves from; [] for anywhere. */
  readonly allowed_ips: readonly string[];
  readonly rate_limits: readonly RateLimit[];
  /** Percentages of the limit that record a limit alert (webhook `key.limit_threshold_reached`). */
  readonly alert_thresholds: readonly number[];
  readonly metadata: KeyMetadata;
  /** The customer's own id for the key's owner. */
  readonly external_id: string | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  /** `native` (the deployment's hashing) or `sha256` (an imported key's original secret). */
  readonly hash_scheme: 'native' | 'sha256';
  /** Where an imported key came from; null: made here. */
  readonly imported: ImportedFrom | null;
  /** When a leak of its secret was last reported; null: never. */
  readonly leak_reported_at: string | null;
}

/** An imported key's provenance. */
export interface ImportedFrom {
  /** What its secrets start with, e.g. `sk-or-v1-`. */
  readonly prefix: string;
  readonly origin: string | null;
  readonly imported_at: string;
}

/** The fields of Key, checked against live answers by test/client. */
export const KEY_FIELDS: FieldList<Key> = {
  id: 'required',
  hash: 'required',
  label: 'required',
  name: 'required',
  scope: 'required',
  owner_user_id: 'required',
  org_id: 'required',
  scopes: 'required',
  disabled: 'required',
  revoked: 'required',
  limit: 'required',
  limit_reset: 'required',
  include_byok_in_limit: 'required',
  limit_remaining: 'required',
  limit_window_end: 'required',
  plan_tier: 'required',
  routing_preference_id: 'required',
  allowed_ips: 'required',
  rate_limits: 'required',
  alert_thresholds: 'required',
  metadata: 'required',
  external_id: 'required',
  created_at: 'required',
  updated_at: 'required',
  expires_at: 'required',
  revoked_at: 'required',
  hash_scheme: 'required',
  imported: 'required',
  leak_reported_at: 'required',
  usage: 'required',
  usage_daily: 'required',
  usage_weekly: 'required',
  usage_monthly: 'required',
  byok_usage: 'required',
  byok_usage_daily: 'required',
  byok_usage_weekly: 'required',
  byok_usage_monthly: 'required',
  requests: 'required',
  requests_daily: 'required',
  requests_weekly: 'required',
  requests_monthly: 'required',
  last_used_at: 'required',
};

/** Body of `POST /api/v1/keys`. */
export interface CreateKeyRequest {
  readonly name: string;
  /** Omitted: `org` when `org_id` is given, else `personal`. */
  readonly scope?: KeyOwnership;
  /** Omitted with `scope: 'org'`: the caller's active organization. */
  readonly org_id?: string;
  readonly scopes?: readonly KeyScope[];
  readonly limit?: number | null;
  readonly limit_reset?: LimitReset | null;
  readonly include_byok_in_limit?: boolean;
  /** Omitted under an org policy with a max lifetime: the latest expiry it allows. */
  readonly expires_at?: string | null;
  /** Up to 100 IPv4/IPv6 addresses or CIDRs; the gateway forwards `client_ip` on resolve. */
  readonly allowed_ips?: readonly string[];
  /** Up to 10 named limits. */
  readonly rate_limits?: readonly RateLimit[];
  /** Up to 5 distinct percentages (1–100); omitted: the org policy's default. */
  readonly alert_thresholds?: readonly number[];
  readonly metadata?: KeyMetadata;
  /** At most 256 characters. */
  readonly external_id?: string | null;
}

/** The fields of CreateKeyRequest. */
export const CREATE_KEY_FIELDS: FieldList<CreateKeyRequest> = {
  name: 'required',
  scope: 'optional',
  org_id: 'optional',
  scopes: 'optional',
  limit: 'optional',
  limit_reset: 'optional',
  include_byok_in_limit: 'optional',
  expires_at: 'optional',
  allowed_ips: 'optional',
  rate_limits: 'optional',
  alert_thresholds: 'optional',
  metadata: 'optional',
  external_id: 'optional',
};

/** Body of `PATCH /api/v1/keys/{id}`: each field sent is a change; `null` clears limit or expiry. */
export interface UpdateKeyRequest {
  readonly name?: string;
  readonly limit?: number | null;
  readonly limit_reset?: LimitReset | null;
  readonly include_byok_in_limit?: boolean;
  readonly expires_at?: string | null;
  /** Each replaces the whole list or object; `[]` lifts the allowlist or the limits. */
  readonly allowed_ips?: readonly string[];
  readonly rate_limits?: readonly RateLimit[];
  readonly alert_thresholds?: readonly number[];
  readonly metadata?: KeyMetadata;
  readonly external_id?: string | null;
  /** true stops the key authenticating; false lets it again. */
  readonly disabled?: boolean;
  /** Goes with `disabled: true` or a restriction or identity change, into the audit trail. */
  readonly reason?: string;
}

/** The fields of UpdateKeyRequest. */
export const UPDATE_KEY_FIELDS: FieldList<UpdateKeyRequest> = {
  name: 'optional',
  limit: 'optional',
  limit_reset: 'optional',
  include_byok_in_limit: 'optional',
  expires_at: 'optional',
  allowed_ips: 'optional',
  rate_limits: 'optional',
  alert_thresholds: 'optional',
  metadata: 'optional',
  external_id: 'optional',
  disabled: 'optional',
  reason: 'optional',
};

/** Query of `GET /api/v1/keys`. */
export type ListKeysQuery = {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1–200 (default 50). */
  readonly limit?: number;
  readonly include_disabled?: boolean;
  readonly include_revoked?: boolean;
  readonly scope?: KeyOwnership;
  readonly org_id?: string;
  /** The owner's user id. */
  readonly owner?: string;
  /** Exactly this external id. */
  readonly external_id?: string;
  /** A case-insensitive substring of the name. */
  readonly name?: string;
};

/** The parameters of ListKeysQuery. */
export const LIST_KEYS_FIELDS: FieldList<ListKeysQuery> = {
  cursor: 'optional',
  limit: 'optional',
  include_disabled: 'optional',
  include_revoked: 'optional',
  scope: 'optional',
  org_id: 'optional',
  owner: 'optional',
  external_id: 'optional',
  name: 'optional',
};

/** Body of `POST /api/v1/keys/{id}/rotate`. */
export interface RotateKeyRequest {
  /** How long the old secret keeps working; 0 (the default) refuses it at once. */
  readonly grace_period_seconds?: number;
}

/** The fields of RotateKeyRequest. */
export const ROTATE_KEY_FIELDS: FieldList<RotateKeyRequest> = { grace_period_seconds: 'optional' };

/** Body of `POST /api/v1/keys/{id}/limit/reset`: the reason goes into the audit trail. */
export interface ResetKeyLimitRequest {
  readonly reason: string;
}

/** The fields of ResetKeyLimitRequest. */
export const RESET_KEY_LIMIT_FIELDS: FieldList<ResetKeyLimitRequest> = { reason: 'required' };

/** Query of `DELETE /api/v1/keys/{id}`. */
export type RevokeKeyQuery = {
  /** Kept in the audit trail. */
  readonly reason?: string;
};

/** The parameters of RevokeKeyQuery. */
export const REVOKE_KEY_FIELDS: FieldList<RevokeKeyQuery> = { reason: 'optional' };
