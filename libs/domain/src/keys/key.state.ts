import { KeyMetadata } from '../restrictions/key-metadata';
import { RateLimit } from '../restrictions/rate-limits';
import { RoutingRules } from '../routing-preferences/routing-rule';
import { KeyLimitSettings, KeyOwnership } from './key.events';

/** Everything a key's decisions, handlers and read models depend on, folded from its stream. */
export interface KeyFacts extends KeyLimitSettings {
  readonly id: string;
  readonly hash: string;
  readonly label: string;
  /** The secret replaced by the last rotation while it is still accepted (until `previous_valid_until`). */
  readonly previous_hash: string | null;
  readonly previous_valid_until: string | null;
  readonly name: string;
  readonly scope: KeyOwnership;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly org_permissions: readonly string[];
  readonly scopes: readonly string[];
  readonly plan_tier: string | null;
  readonly disabled: boolean;
  readonly disabled_reason: string | null;
  /** When an admin last restarted the usage window by hand; usage before it does not count. */
  readonly last_limit_reset_at: string | null;
  readonly expires_at: string | null;
  readonly routing_preference_id: string | null;
  readonly routing_rules: RoutingRules | null;
  readonly allowed_ips: readonly string[];
  readonly rate_limits: readonly RateLimit[];
  /** Percentages of the limit that record an alert when usage crosses them; [] for none. */
  readonly alert_thresholds: readonly number[];
  readonly metadata: KeyMetadata;
  readonly external_id: string | null;
  readonly created_at: string;
  /** When the current secret was issued (creation or last rotation): where a max lifetime counts from. */
  readonly secret_issued_at: string;
  readonly updated_at: string;
  readonly revoked_at: string | null;
  readonly revoke_reason: string | null;
}

/** A key before creation, while usable or disabled, and after revocation (terminal). */
export type KeyState =
  | { readonly status: 'absent' }
  | { readonly status: 'active'; readonly key: KeyFacts }
  | { readonly status: 'revoked'; readonly key: KeyFacts };

/** The state of a key stream with no events. */
export const initialKeyState: KeyState = { status: 'absent' };
