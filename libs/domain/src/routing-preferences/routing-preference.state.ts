import { RoutingRules } from './routing-rule';
import { PreferenceScope } from './routing-preference.events';

/** Everything a preference's decisions and bindings depend on. */
export interface PreferenceFacts extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  readonly enabled: boolean;
}

export type RoutingPreferenceState =
  | { readonly status: 'absent' }
  | { readonly status: 'live'; readonly preference: PreferenceFacts }
  | { readonly status: 'deleted'; readonly preference: PreferenceFacts };

export const initialRoutingPreferenceState: RoutingPreferenceState = { status: 'absent' };
