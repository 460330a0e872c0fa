import { FieldList } from '../core/field-list';
import {
  ROUTING_CONTENT_INPUT_FIELDS,
  RoutingContent,
  RoutingContentInput,
} from './routing-preference.types';

/** A key's binding to a shared preference (`/api/v1/keys/{id}/routing-preference`). */
export interface KeyRoutingPreference {
  readonly key_id: string;
  readonly preference_id: string | null;
  /** True when neither a binding nor key-first rules apply, so the defaults decide. */
  readonly inherits_default: boolean;
}

/** The fields of KeyRoutingPreference. */
export const KEY_ROUTING_PREFERENCE_FIELDS: FieldList<KeyRoutingPreference> = {
  key_id: 'required',
  preference_id: 'required',
  inherits_default: 'required',
};

/** Body of `PUT /api/v1/keys/{id}/routing-preference`: null clears the binding. */
export interface BindKeyPreferenceRequest {
  readonly preference_id: string | null;
}

/** The fields of BindKeyPreferenceRequest. */
export const BIND_KEY_PREFERENCE_FIELDS: FieldList<BindKeyPreferenceRequest> = {
  preference_id: 'required',
};

/** Rules kept on the key itself (`/api/v1/keys/{id}/routing-rules`); empty when it has none. */
export interface KeyRoutingRules extends RoutingContent {
  readonly key_id: string;
  readonly has_routing_rules: boolean;
}

/** The fields of KeyRoutingRules. */
export const KEY_ROUTING_RULES_FIELDS: FieldList<KeyRoutingRules> = {
  key_id: 'required',
  has_routing_rules: 'required',
  rules: 'required',
  examples: 'required',
  confidence_floor_overrides: 'required',
};

/** Body of `PUT /api/v1/keys/{id}/routing-rules`: the key's whole rule set; omitted parts empty. */
export type SetKeyRoutingRulesRequest = RoutingContentInput;

/** The fields of SetKeyRoutingRulesRequest. */
export const SET_KEY_ROUTING_RULES_FIELDS: FieldList<SetKeyRoutingRulesRequest> =
  ROUTING_CONTENT_INPUT_FIELDS;

/** Where a key's routing comes from. */
export type RoutingSource = 'key' | 'org_default' | 'user_default' | 'none';

/** The routing a request with the key follows (`/api/v1/keys/{id}/effective-routing`). */
export interface EffectiveRouting extends RoutingContent {
  readonly key_id: string;
  readonly source: RoutingSource;
  /** True for rules kept on the key itself, false for a shared preference. */
  readonly is_per_key: boolean;
  readonly preference_id: string | null;
  readonly preference_name: string | null;
}

/** The fields of EffectiveRouting. */
export const EFFECTIVE_ROUTING_FIELDS: FieldList<EffectiveRouting> = {
  key_id: 'required',
  source: 'required',
  is_per_key: 'required',
  preference_id: 'required',
  preference_name: 'required',
  rules: 'required',
  examples: 'required',
  confidence_floor_overrides: 'required',
};
