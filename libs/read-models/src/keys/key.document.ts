import { KeyLimitSettings, KeyOwnership, RoutingRules } from '@keyledger/domain';

/** A key as listed, fetched and resolved. Never holds the secret, only its hash and label. */
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
  /** Who may see it: `user:<owner>` for personal keys, `org:<org>` for org keys. */
  readonly audience: string;
  readonly scopes: readonly string[];
  readonly disabled: boolean;
  readonly revoked: boolean;
  readonly plan_tier: string | null;
  readonly routing_preference_id: string | null;
  readonly routing_rules: RoutingRules | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly expires_at: string | null;
  readonly revoked_at: string | null;
  readonly revoke_reason: string | null;
  readonly disabled_reason: string | null;
  /** When an admin last restarted the usage window by hand. */
  readonly limit_reset_at: string | null;
}

/** The audience value of a key: who may see it. */
export const keyAudience = (scope: KeyOwnership, ownerUserId: string, orgId: string | null): string =>
  scope === 'org' && orgId !== null ? `org:${orgId}` : `user:${ownerUserId}`;
