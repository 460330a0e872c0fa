import { KeyMetadata } from '../restrictions/key-metadata';
import { RateLimit } from '../restrictions/rate-limits';
import { RoutingRules } from '../routing-preferences/routing-rule';
import { ImportHashAlgorithm } from './key-import';
import { LeakedKeyAction, LeakReporter } from './key-leak';

/** Who a key belongs to: its owner alone, or every member of its org. */
export type KeyOwnership = 'personal' | 'org';
/** The calendar window a key's limit applies to (UTC). */
export type LimitReset = 'daily' | 'weekly' | 'monthly';

/** The limit settings of a key; `limit: null` means unlimited. */
export interface KeyLimitSettings {
  readonly limit: number | null;
  readonly limit_reset: LimitReset | null;
  readonly include_byok_in_limit: boolean;
}

/**
 * Restrictions and identity a key may be created with (SPEC §9). Each is left out of the event
 * when empty, and KeyCreated events written before they existed lack them: absent means none.
 */
export interface KeyRestrictions {
  /** Canonical CIDRs; the key resolves only for callers inside one of them. */
  readonly allowed_ips?: readonly string[];
  readonly rate_limits?: readonly RateLimit[];
  readonly metadata?: KeyMetadata;
  /** The customer's own id for the key's owner. */
  readonly external_id?: string | null;
  /** Percentages of the limit at which `KeyLimitThresholdReached` is recorded, ascending. */
  readonly alert_thresholds?: readonly number[];
}

/** A key came into existence. Carries the secret's keyed hash and display label, never the secret. */
export interface KeyCreated {
  readonly type: 'KeyCreated';
  readonly data: KeyLimitSettings &
    KeyRestrictions & {
      readonly key_id: string;
      readonly hash: string;
      readonly label: string;
      readonly name: string;
      readonly scope: KeyOwnership;
      readonly owner_user_id: string;
      readonly org_id: string | null;
      /**
       * What the creator could do in the key's org when the key was made. A key caller never
       * gains more than this (identity lives with the IdP, so it is snapshotted here).
       */
      readonly org_permissions: readonly string[];
      readonly scopes: readonly string[];
      readonly plan_tier: string | null;
      readonly expires_at: string | null;
      readonly created_at: string;
    };
}

/** The key's display name changed. */
export interface KeyRenamed {
  readonly type: 'KeyRenamed';
  readonly data: {
    readonly key_id: string;
    readonly name: string;
    readonly previous_name: string;
    readonly renamed_at: string;
  };
}

/** The key stopped authenticating until enabled again (e.g. suspected leak, without rotating). */
export interface KeyDisabled {
  readonly type: 'KeyDisabled';
  readonly data: {
    readonly key_id: string;
    readonly reason: string | null;
    readonly disabled_at: string;
  };
}

/** A disabled key authenticates again. */
export interface KeyEnabled {
  readonly type: 'KeyEnabled';
  readonly data: { readonly key_id: string; readonly enabled_at: string };
}

/** The key's limit settings changed; the payload holds all three, not just what changed. */
export interface KeyLimitSet {
  readonly type: 'KeyLimitSet';
  readonly data: KeyLimitSettings & { readonly key_id: string; readonly changed_at: string };
}

/** An admin restarted the key's usage window by hand. */
export interface KeyLimitReset {
  readonly type: 'KeyLimitReset';
  readonly data: { readonly key_id: string; readonly reason: string; readonly reset_at: string };
}

/** The key's expiry was set, moved or (null) removed. */
export interface KeyExpirySet {
  readonly type: 'KeyExpirySet';
  readonly data: {
    readonly key_id: string;
    readonly expires_at: string | null;
    readonly changed_at: string;
  };
}

/** The key now follows a shared routing preference. */
export interface PreferenceBound {
  readonly type: 'PreferenceBound';
  readonly data: {
    readonly key_id: string;
    readonly preference_id: string;
    readonly previous_preference_id: string | null;
    readonly bound_at: string;
  };
}

/** The key no longer follows a shared routing preference. */
export interface PreferenceUnbound {
  readonly type: 'PreferenceUnbound';
  readonly data: {
    readonly key_id: string;
    readonly preference_id: string;
    /** `cleared` by the key's admin, or `preference_deleted` when the preference went away. */
    readonly reason: 'cleared' | 'preference_deleted';
    readonly unbound_at: string;
  };
}

/** Key-first routing: rules kept on the key itself, outranking any binding. */
export interface KeyRoutingRulesSet {
  readonly type: 'KeyRoutingRulesSet';
  readonly data: RoutingRules & { readonly key_id: string; readonly changed_at: string };
}

/** The key's own rules were dropped; shared preferences are untouched. */
export interface KeyRoutingRulesCleared {
  readonly type: 'KeyRoutingRulesCleared';
  readonly data: { readonly key_id: string; readonly cleared_at: string };
}

/** A new secret replaced the old one; the old hash stays valid until `previous_valid_until`. */
export interface KeySecretRotated {
  readonly type: 'KeySecretRotated';
  readonly data: {
    readonly key_id: string;
    readonly hash: string;
    readonly label: string;
    readonly previous_hash: string;
    /** null: the previous secret stopped working at once. */
    readonly previous_valid_until: string | null;
    readonly rotated_at: string;
  };
}

/** Terminal: a revoked key never authenticates again and cannot be changed. */
export interface KeyRevoked {
  readonly type: 'KeyRevoked';
  readonly data: {
    readonly key_id: string;
    readonly reason: string | null;
    readonly revoked_at: string;
  };
}

/** The key's IP allowlist was replaced; `[]` lifts it. */
export interface KeyIpAllowlistSet {
  readonly type: 'KeyIpAllowlistSet';
  readonly data: {
    readonly key_id: string;
    readonly allowed_ips: readonly string[];
    readonly reason: string | null;
    readonly changed_at: string;
  };
}

/** The key's named rate limits were replaced; `[]` removes them. */
export interface KeyRateLimitsSet {
  readonly type: 'KeyRateLimitsSet';
  readonly data: {
    readonly key_id: string;
    readonly rate_limits: readonly RateLimit[];
    readonly reason: string | null;
    readonly changed_at: string;
  };
}

/** The key's limit alert thresholds were replaced; `[]` removes them. */
export interface KeyAlertThresholdsSet {
  readonly type: 'KeyAlertThresholdsSet';
  readonly data: {
    readonly key_id: string;
    readonly alert_thresholds: readonly number[];
    readonly changed_at: string;
  };
}

/** The key's metadata was replaced as a whole. */
export interface KeyMetadataSet {
  readonly type: 'KeyMetadataSet';
  readonly data: {
    readonly key_id: string;
    readonly metadata: KeyMetadata;
    readonly reason: string | null;
    readonly changed_at: string;
  };
}

/** The customer's id for the key's owner was set or (null) removed. */
export interface KeyExternalIdSet {
  readonly type: 'KeyExternalIdSet';
  readonly data: {
    readonly key_id: string;
    readonly external_id: string | null;
    readonly reason: string | null;
    readonly changed_at: string;
  };
}

/**
 * The key just created (the KeyCreated before it, in the same append) was made elsewhere: its
 * hash is the `hash_algorithm` of a secret starting with `prefix`, so it resolves with that
 * original secret until it is rotated.
 */
export interface KeyImported {
  readonly type: 'KeyImported';
  readonly data: {
    readonly key_id: string;
    readonly hash_algorithm: ImportHashAlgorithm;
    readonly prefix: string;
    /** Where the key came from, as the importer named it (null: not said). */
    readonly origin: string | null;
    readonly imported_at: string;
  };
}

/**
 * Someone found the key's secret where it should not be. `action` is what followed, in the same
 * append (a KeyDisabled or KeyRevoked with its reason), or `notify`: nothing but this event.
 */
export interface KeyLeakReported {
  readonly type: 'KeyLeakReported';
  readonly data: {
    readonly key_id: string;
    readonly source_url: string | null;
    readonly source: string;
    readonly reporter: LeakReporter;
    readonly action: LeakedKeyAction;
    readonly reported_at: string;
  };
}

/** Every fact a key's stream can hold. */
export type KeyEvent =
  | KeyCreated
  | KeyRenamed
  | KeyDisabled
  | KeyEnabled
  | KeyLimitSet
  | KeyLimitReset
  | KeyExpirySet
  | PreferenceBound
  | PreferenceUnbound
  | KeyRoutingRulesSet
  | KeyRoutingRulesCleared
  | KeySecretRotated
  | KeyIpAllowlistSet
  | KeyRateLimitsSet
  | KeyAlertThresholdsSet
  | KeyMetadataSet
  | KeyExternalIdSet
  | KeyImported
  | KeyLeakReported
  | KeyRevoked;

/** The `type` of a key event. */
export type KeyEventType = KeyEvent['type'];

/** Stream of one key's events. */
export const keyStream = (keyId: string): string => `key-${keyId}`;
