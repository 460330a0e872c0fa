import { RoutingRules } from './routing-rule';

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
  };
}

export interface RoutingPreferenceEnabled {
  readonly type: 'RoutingPreferenceEnabled';
  readonly data: { readonly preference_id: string };
}

export interface RoutingPreferenceDisabled {
  readonly type: 'RoutingPreferenceDisabled';
  readonly data: { readonly preference_id: string };
}

/** Terminal. Each key bound to it gets its own `PreferenceUnbound`. */
export interface RoutingPreferenceDeleted {
  readonly type: 'RoutingPreferenceDeleted';
  readonly data: { readonly preference_id: string; readonly deleted_at: string };
}

export type RoutingPreferenceEvent =
  | RoutingPreferenceCreated
  | RoutingPreferenceUpdated
  | RoutingPreferenceEnabled
  | RoutingPreferenceDisabled
  | RoutingPreferenceDeleted;

export const routingPreferenceStream = (preferenceId: string): string =>
  `routing_preference-${preferenceId}`;
