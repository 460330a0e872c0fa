import { RoutingRules } from './routing-rule';
import { PreferenceScope } from './routing-preference.events';

/** Everything a preference's decisions, bindings and read models depend on. */
export interface PreferenceFacts extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  readonly enabled: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

/** A preference before creation, while live, and after deletion (terminal). */
export type RoutingPreferenceState =
  | { readonly status: 'absent' }
  | { readonly status: 'live'; readonly preference: PreferenceFacts }
  | {
      readonly status: 'deleted';
      readonly preference: PreferenceFacts;
      readonly deleted_at: string;
    };

/** The state of a preference stream with no events. */
export const initialRoutingPreferenceState: RoutingPreferenceState = { status: 'absent' };
