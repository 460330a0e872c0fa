import { RoutingRulesInput } from './routing-rules.validation';
import { PreferenceScope } from './routing-preference.events';

/**
 * Create a preference; for `team`, `org_id` is the caller's active org (ignored for `personal`).
 * Whether it becomes a default is decided on the owner's stream (see the default decider).
 */
export interface CreateRoutingPreference extends RoutingRulesInput {
  readonly type: 'CreateRoutingPreference';
  readonly preference_id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  /** Omitted: enabled. */
  readonly enabled?: boolean;
  readonly now: string;
}

/** A PATCH: named fields replace the current ones whole (collections included); `enabled` toggles. */
export interface UpdateRoutingPreference extends RoutingRulesInput {
  readonly type: 'UpdateRoutingPreference';
  readonly name?: string;
  readonly description?: string | null;
  readonly enabled?: boolean;
  readonly now: string;
}

/** Let the preference take part in routing again. */
export interface EnableRoutingPreference {
  readonly type: 'EnableRoutingPreference';
  readonly now: string;
}

/** Make routing skip the preference without unbinding it. */
export interface DisableRoutingPreference {
  readonly type: 'DisableRoutingPreference';
  readonly now: string;
}

/** Remove the preference; the handler then detaches every key bound to it. */
export interface DeleteRoutingPreference {
  readonly type: 'DeleteRoutingPreference';
  readonly now: string;
}

/** Every command the routing preference aggregate decides. */
export type RoutingPreferenceCommand =
  | CreateRoutingPreference
  | UpdateRoutingPreference
  | EnableRoutingPreference
  | DisableRoutingPreference
  | DeleteRoutingPreference;
