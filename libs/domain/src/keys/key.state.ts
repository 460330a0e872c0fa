import { RoutingRules } from '../routing-preferences/routing-rule';
import { KeyCreated, KeyLimitSettings } from './key.events';

/** Everything a key's decisions depend on, folded from its stream. */
export interface KeyFacts extends KeyLimitSettings {
  readonly id: string;
  readonly hash: string;
  readonly label: string;
  readonly previous_hash: string | null;
  readonly previous_valid_until: string | null;
  readonly name: string;
  readonly scope: KeyCreated['data']['scope'];
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly scopes: readonly string[];
  readonly plan_tier: string | null;
  readonly disabled: boolean;
  readonly expires_at: string | null;
  readonly routing_preference_id: string | null;
  readonly routing_rules: RoutingRules | null;
  readonly created_at: string;
  readonly revoked_at: string | null;
}

/** A key before creation, while usable or disabled, and after revocation (terminal). */
export type KeyState =
  | { readonly status: 'absent' }
  | { readonly status: 'active'; readonly key: KeyFacts }
  | { readonly status: 'revoked'; readonly key: KeyFacts };

export const initialKeyState: KeyState = { status: 'absent' };
