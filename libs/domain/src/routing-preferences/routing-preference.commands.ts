import { RoutingRules } from './routing-rule';
import { PreferenceScope } from './routing-preference.events';

/** Create a preference; for `team`, `org_id` is the caller's active org. */
export interface CreateRoutingPreference extends Partial<RoutingRules> {
  readonly type: 'CreateRoutingPreference';
  readonly preference_id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  readonly enabled?: boolean;
  readonly now: string;
}

/** Named fields replace the current ones whole; `enabled` toggles. */
export interface UpdateRoutingPreference extends Partial<RoutingRules> {
  readonly type: 'UpdateRoutingPreference';
  readonly name?: string;
  readonly description?: string | null;
  readonly enabled?: boolean;
}

export interface DeleteRoutingPreference {
  readonly type: 'DeleteRoutingPreference';
  readonly now: string;
}

export type RoutingPreferenceCommand =
  | CreateRoutingPreference
  | UpdateRoutingPreference
  | DeleteRoutingPreference;
