import { OrgKeyPolicy } from '../org-key-policy/org-key-policy';
import { OrgMembership } from '../shared/principal';
import { RoutingRules } from '../routing-preferences/routing-rule';
import { KeyLimitSettings, KeyOwnership, LimitReset } from './key.events';
import { LeakedKeyAction, LeakReporter } from './key-leak';

/**
 * Create a key. The handler has already generated the secret and computed its hash and label;
 * the decider validates and records them. Every key command carries `now` (from the Clock), so
 * that decisions and the recorded times are deterministic.
 */
export interface CreateKey {
  readonly type: 'CreateKey';
  readonly key_id: string;
  readonly hash: string;
  readonly label: string;
  readonly name: string;
  /** Omitted: `org` when `org_id` is given, else `personal`. */
  readonly scope?: KeyOwnership;
  readonly org_id?: string | null;
  /** The caller's active org, used when an org key names no org. */
  readonly active_org_id: string | null;
  /** The caller's memberships: the key snapshots its permissions in the key's org. */
  readonly creator_orgs: readonly OrgMembership[];
  readonly owner_user_id: string;
  /** Omitted: the default scopes, which never include `management`. */
  readonly scopes?: readonly string[];
  readonly limit?: number | null;
  readonly limit_reset?: LimitReset | null;
  readonly include_byok_in_limit?: boolean;
  /** Omitted under a max lifetime: the latest expiry the policy allows. */
  readonly expires_at?: string | null;
  readonly allowed_ips?: readonly unknown[];
  readonly rate_limits?: readonly unknown[];
  readonly metadata?: unknown;
  readonly external_id?: string | null;
  /** Omitted: the org policy's `default_alert_thresholds`, else none. */
  readonly alert_thresholds?: unknown;
  /**
   * The key policy of the org the caller means (`org_id`, else the active org). It applies only
   * if the decider settles on an org key of that very org.
   */
  readonly org_key_policy?: { readonly org_id: string; readonly policy: OrgKeyPolicy } | null;
  readonly plan_tier: string | null;
  readonly now: string;
}

/**
 * Take over a key made elsewhere, by the hash of its secret: created as CreateKey would (the same
 * checks, the org key policy included) with the label of its prefix, and recorded as imported.
 */
export interface ImportKey extends Omit<CreateKey, 'type' | 'hash' | 'label'> {
  readonly type: 'ImportKey';
  readonly hash: unknown;
  readonly hash_algorithm: unknown;
  readonly prefix: unknown;
  readonly origin: string | null;
}

/**
 * Record that the key's secret was found somewhere, and what is done about it. Accepted on a
 * revoked key too: the report is a fact for the audit trail, and changes nothing.
 */
export interface ReportKeyLeak {
  readonly type: 'ReportKeyLeak';
  readonly source_url: unknown;
  readonly source: unknown;
  readonly reporter: LeakReporter;
  readonly action: LeakedKeyAction;
  readonly now: string;
}

/** Give the key another display name. */
export interface RenameKey {
  readonly type: 'RenameKey';
  readonly name: string;
  readonly now: string;
}

/** Stop the key authenticating, keeping everything else. */
export interface DisableKey {
  readonly type: 'DisableKey';
  readonly reason?: string | null;
  readonly now: string;
}

/** Let a disabled key authenticate again. */
export interface EnableKey {
  readonly type: 'EnableKey';
  readonly now: string;
}

/** Fields left out keep their current value. */
export interface SetKeyLimit {
  readonly type: 'SetKeyLimit';
  readonly limit?: KeyLimitSettings['limit'];
  readonly limit_reset?: KeyLimitSettings['limit_reset'];
  readonly include_byok_in_limit?: boolean;
  readonly now: string;
}

/** Restart the key's usage window by hand; the reason is kept for the audit trail. */
export interface ResetKeyLimit {
  readonly type: 'ResetKeyLimit';
  readonly reason: string;
  readonly now: string;
}

/** Set (future only) or, with null, remove the key's expiry. */
export interface SetKeyExpiry {
  readonly type: 'SetKeyExpiry';
  readonly expires_at: string | null;
  readonly now: string;
}

/** `preference_id: null` clears the binding. Bindability is checked before deciding. */
export interface BindPreference {
  readonly type: 'BindPreference';
  readonly preference_id: string | null;
  readonly now: string;
}

/** Detach because the preference itself was deleted. */
export interface DetachDeletedPreference {
  readonly type: 'DetachDeletedPreference';
  readonly preference_id: string;
  readonly now: string;
}

/** Replace the key's own routing rules. */
export interface SetKeyRoutingRules {
  readonly type: 'SetKeyRoutingRules';
  readonly routing: RoutingRules;
  readonly now: string;
}

/** Drop the key's own routing rules. */
export interface ClearKeyRoutingRules {
  readonly type: 'ClearKeyRoutingRules';
  readonly now: string;
}

/** Replace the secret; the handler generated the new one and passes its hash and label. */
export interface RotateKey {
  readonly type: 'RotateKey';
  readonly hash: string;
  readonly label: string;
  /** Seconds the old secret keeps working; 0 revokes it at once. */
  readonly grace_period_seconds: number;
  readonly now: string;
}

/** Replace the key's IP allowlist (`[]`: none). */
export interface SetKeyIpAllowlist {
  readonly type: 'SetKeyIpAllowlist';
  readonly allowed_ips: readonly unknown[];
  readonly reason?: string | null;
  readonly now: string;
}

/** Replace the key's limit alert thresholds (`[]`: none). */
export interface SetKeyAlertThresholds {
  readonly type: 'SetKeyAlertThresholds';
  readonly alert_thresholds: unknown;
  readonly now: string;
}

/** Replace the key's named rate limits (`[]`: none). */
export interface SetKeyRateLimits {
  readonly type: 'SetKeyRateLimits';
  readonly rate_limits: readonly unknown[];
  readonly reason?: string | null;
  readonly now: string;
}

/** Replace the key's metadata as a whole. */
export interface SetKeyMetadata {
  readonly type: 'SetKeyMetadata';
  readonly metadata: unknown;
  readonly reason?: string | null;
  readonly now: string;
}

/** Set or (null) remove the customer's id for the key's owner. */
export interface SetKeyExternalId {
  readonly type: 'SetKeyExternalId';
  readonly external_id: string | null;
  readonly reason?: string | null;
  readonly now: string;
}

/**
 * Decided last on every update and rotation of an org key: the key as the earlier commands leave
 * it must keep its org's policy (else `policy_violation`, naming each broken rule). Under a max
 * lifetime, an expiry the request did not name becomes the latest the policy allows.
 */
export interface ConformToKeyPolicy {
  readonly type: 'ConformToKeyPolicy';
  readonly policy: OrgKeyPolicy;
  /** Whether the request set `expires_at` itself: then it is checked, never replaced. */
  readonly expiry_named: boolean;
  readonly now: string;
}

/** End the key for good. */
export interface RevokeKey {
  readonly type: 'RevokeKey';
  readonly reason?: string | null;
  readonly now: string;
}

/** Every command the key aggregate decides. */
export type KeyCommand =
  | CreateKey
  | ImportKey
  | ReportKeyLeak
  | RenameKey
  | DisableKey
  | EnableKey
  | SetKeyLimit
  | ResetKeyLimit
  | SetKeyExpiry
  | BindPreference
  | DetachDeletedPreference
  | SetKeyRoutingRules
  | ClearKeyRoutingRules
  | RotateKey
  | SetKeyIpAllowlist
  | SetKeyRateLimits
  | SetKeyAlertThresholds
  | SetKeyMetadata
  | SetKeyExternalId
  | ConformToKeyPolicy
  | RevokeKey;
