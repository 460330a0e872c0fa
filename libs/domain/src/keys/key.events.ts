import { RoutingRules } from '../routing-preferences/routing-rule';

export type KeyOwnership = 'personal' | 'org';
export type LimitReset = 'daily' | 'weekly' | 'monthly';

/** The limit settings of a key; `limit: null` means unlimited. */
export interface KeyLimitSettings {
  readonly limit: number | null;
  readonly limit_reset: LimitReset | null;
  readonly include_byok_in_limit: boolean;
}

/** A key came into existence. Carries the secret's keyed hash and display label, never the secret. */
export interface KeyCreated {
  readonly type: 'KeyCreated';
  readonly data: KeyLimitSettings & {
    readonly key_id: string;
    readonly hash: string;
    readonly label: string;
    readonly name: string;
    readonly scope: KeyOwnership;
    readonly owner_user_id: string;
    readonly org_id: string | null;
    readonly scopes: readonly string[];
    readonly plan_tier: string | null;
    readonly expires_at: string | null;
    readonly created_at: string;
  };
}

export interface KeyRenamed {
  readonly type: 'KeyRenamed';
  readonly data: { readonly key_id: string; readonly name: string; readonly previous_name: string };
}

export interface KeyDisabled {
  readonly type: 'KeyDisabled';
  readonly data: { readonly key_id: string; readonly reason: string | null };
}

export interface KeyEnabled {
  readonly type: 'KeyEnabled';
  readonly data: { readonly key_id: string };
}

export interface KeyLimitSet {
  readonly type: 'KeyLimitSet';
  readonly data: KeyLimitSettings & { readonly key_id: string };
}

/** An admin restarted the key's usage window by hand. */
export interface KeyLimitReset {
  readonly type: 'KeyLimitReset';
  readonly data: { readonly key_id: string; readonly reason: string; readonly reset_at: string };
}

export interface KeyExpirySet {
  readonly type: 'KeyExpirySet';
  readonly data: { readonly key_id: string; readonly expires_at: string | null };
}

export interface PreferenceBound {
  readonly type: 'PreferenceBound';
  readonly data: {
    readonly key_id: string;
    readonly preference_id: string;
    readonly previous_preference_id: string | null;
  };
}

export interface PreferenceUnbound {
  readonly type: 'PreferenceUnbound';
  readonly data: {
    readonly key_id: string;
    readonly preference_id: string;
    /** `cleared` by the key's admin, or `preference_deleted` when the preference went away. */
    readonly reason: 'cleared' | 'preference_deleted';
  };
}

/** Key-first routing: rules kept on the key itself, outranking any binding. */
export interface KeyRoutingRulesSet {
  readonly type: 'KeyRoutingRulesSet';
  readonly data: RoutingRules & { readonly key_id: string };
}

export interface KeyRoutingRulesCleared {
  readonly type: 'KeyRoutingRulesCleared';
  readonly data: { readonly key_id: string };
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
  };
}

/** Terminal: a revoked key never authenticates again and cannot be changed. */
export interface KeyRevoked {
  readonly type: 'KeyRevoked';
  readonly data: { readonly key_id: string; readonly reason: string | null; readonly revoked_at: string };
}

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
  | KeyRevoked;

export type KeyEventType = KeyEvent['type'];

/** Stream of one key's events. */
export const keyStream = (keyId: string): string => `key-${keyId}`;
