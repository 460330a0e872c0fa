import { RoutingRules } from './routing-rule';

/** Whose a preference is: its author's (`personal`) or an org's (`team`). */
export type PreferenceScope = 'personal' | 'team';

/** A named, shared routing preference was created. */
export interface RoutingPreferenceCreated {
  readonly type: 'RoutingPreferenceCreated';
  readonly data: RoutingRules & {
    readonly preference_id: string;
    readonly name: string;
    readonly description: string | null;
    readonly scope: PreferenceScope;
    readonly author_user_id: string;
    /** The owning org for `team`, null for `personal`. */
    readonly org_id: string | null;
    readonly enabled: boolean;
    readonly created_at: string;
  };
}

/** Fields named in the update replace the previous values whole (collections included). */
export interface RoutingPreferenceUpdated {
  readonly type: 'RoutingPreferenceUpdated';
  readonly data: Partial<RoutingRules> & {
    readonly preference_id: string;
    readonly name?: string;
    readonly description?: string | null;
    readonly updated_at: string;
  };
}

/** The preference takes part in routing again. */
export interface RoutingPreferenceEnabled {
  readonly type: 'RoutingPreferenceEnabled';
  readonly data: { readonly preference_id: string; readonly enabled_at: string };
}

/** The preference is skipped by routing but keeps its bindings and default status. */
export interface RoutingPreferenceDisabled {
  readonly type: 'RoutingPreferenceDisabled';
  readonly data: { readonly preference_id: string; readonly disabled_at: string };
}

/** Terminal. Each key bound to it gets its own `PreferenceUnbound`. */
export interface RoutingPreferenceDeleted {
  readonly type: 'RoutingPreferenceDeleted';
  readonly data: { readonly preference_id: string; readonly deleted_at: string };
}

/** Every fact a routing preference's stream can hold. */
export type RoutingPreferenceEvent =
  | RoutingPreferenceCreated
  | RoutingPreferenceUpdated
  | RoutingPreferenceEnabled
  | RoutingPreferenceDisabled
  | RoutingPreferenceDeleted;

/** Stream of one routing preference's events. */
export const routingPreferenceStream = (preferenceId: string): string =>
  `routing_preference-${preferenceId}`;
