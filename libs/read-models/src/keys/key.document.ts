import { KeyLimitSettings, KeyOwnership, RoutingRules } from '@keyledger/domain';
import { Audience } from '../shared/audience';
import { CollectionSpec } from '../store/read-store.port';

/** A key as listed, fetched and resolved. Holds the secret's hash and label, never the secret. */
export interface KeyDocument extends KeyLimitSettings {
  readonly id: string;
  readonly hash: string;
  /** The secret replaced by the last rotation, while its grace period lasts. */
  readonly previous_hash: string | null;
  readonly previous_hash_valid_until: string | null;
  readonly label: string;
  readonly name: string;
  readonly scope: KeyOwnership;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  /** Who may see it: the owner of a personal key, the members of an org key's org. */
  readonly audience: Audience;
  /** What its creator could do in its org when it was made: a key caller never gains more. */
  readonly org_permissions: readonly string[];
  readonly scopes: readonly string[];
  readonly disabled: boolean;
  readonly disabled_reason: string | null;
  readonly revoked: boolean;
  /** When an admin last restarted the usage window by hand; usage counts from the later of this and the window start. */
  readonly limit_reset_at: string | null;
  readonly plan_tier: string | null;
  readonly routing_preference_id: string | null;
  readonly has_routing_rules: boolean;
  /** Key-first rules, which outrank any bound preference. */
  readonly routing_rules: RoutingRules | null;
  readonly created_at: string;
  /** When the last event about the key happened. */
  readonly updated_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  readonly revoke_reason: string | null;
}

/** The keys collection: unique secret hash, the previous hash for rotation grace, list orders, bindings. */
export const KEY_DOCUMENTS: CollectionSpec<KeyDocument> = {
  name: 'keys',
  indexes: [
    { fields: ['hash'], unique: true },
    { fields: ['previous_hash'] },
    { fields: ['audience', 'revoked', 'created_at'] },
    { fields: ['owner_user_id', 'created_at'] },
    { fields: ['org_id', 'created_at'] },
    // Deleting a preference unbinds every key bound to it.
    { fields: ['routing_preference_id'] },
  ],
};
