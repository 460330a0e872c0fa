import { FieldList } from '../core/field-list';

/** Whose a preference is: its author's (`personal`) or its organization's (`team`). */
export type PreferenceScope = 'personal' | 'team';

/** A routing rule as the API shows it: prompts matching `pattern` go to `target_mode`. */
export interface RoutingRule {
  /** A regular expression of at most 512 characters. */
  readonly pattern: string;
  readonly target_mode: string;
  readonly target_engine: string | null;
  /** Clamped to 0.5–0.99 by the service. */
  readonly confidence: number;
  readonly description: string | null;
}

/** A routing rule as sent: the nullable fields may be left out. */
export type RoutingRuleInput = Omit<RoutingRule, 'target_engine' | 'description'> &
  Partial<Pick<RoutingRule, 'target_engine' | 'description'>>;

/** An example prompt and the mode it should route to. */
export interface RoutingExample {
  readonly prompt: string;
  readonly expected_mode: string;
}

/** Routing content, as preferences and key-first rules both hold it. */
export interface RoutingContent {
  readonly rules: readonly RoutingRule[];
  readonly examples: readonly RoutingExample[];
  /** Mode → confidence floor (0–1). */
  readonly confidence_floor_overrides: Readonly<Record<string, number>>;
}

/** Routing content in a request: each collection sent replaces the current one whole. */
export interface RoutingContentInput {
  readonly rules?: readonly RoutingRuleInput[];
  readonly examples?: readonly RoutingExample[];
  readonly confidence_floor_overrides?: Readonly<Record<string, number>>;
}

/** A named, shared routing preference (SPEC §4). */
export interface RoutingPreference extends RoutingContent {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  /** A disabled preference keeps its bindings, but routing skips it. */
  readonly enabled: boolean;
  /** Its org's default (team) or its author's default (personal). */
  readonly is_default: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The fields of RoutingPreference, checked against live answers by test/client. */
export const ROUTING_PREFERENCE_FIELDS: FieldList<RoutingPreference> = {
  id: 'required',
  name: 'required',
  description: 'required',
  scope: 'required',
  author_user_id: 'required',
  org_id: 'required',
  rules: 'required',
  examples: 'required',
  confidence_floor_overrides: 'required',
  enabled: 'required',
  is_default: 'required',
  created_at: 'required',
  updated_at: 'required',
};

/** Body of `PATCH /api/v1/routing-preferences/{id}`: named fields (collections whole) replace. */
export interface UpdateRoutingPreferenceRequest extends RoutingContentInput {
  readonly name?: string;
  readonly description?: string | null;
  readonly enabled?: boolean;
  /** true makes it its scope's default, demoting the previous one; false demotes it. */
  readonly is_default?: boolean;
}

/** Body of `POST /api/v1/routing-preferences`. */
export interface CreateRoutingPreferenceRequest extends UpdateRoutingPreferenceRequest {
  readonly name: string;
  /** `team` shares it with the active organization (needs its manageRouting permission). */
  readonly scope?: PreferenceScope;
}

/** The fields of RoutingContentInput. */
export const ROUTING_CONTENT_INPUT_FIELDS: FieldList<RoutingContentInput> = {
  rules: 'optional',
  examples: 'optional',
  confidence_floor_overrides: 'optional',
};

/** The fields of UpdateRoutingPreferenceRequest. */
export const UPDATE_ROUTING_PREFERENCE_FIELDS: FieldList<UpdateRoutingPreferenceRequest> = {
  ...ROUTING_CONTENT_INPUT_FIELDS,
  name: 'optional',
  description: 'optional',
  enabled: 'optional',
  is_default: 'optional',
};

/** The fields of CreateRoutingPreferenceRequest. */
export const CREATE_ROUTING_PREFERENCE_FIELDS: FieldList<CreateRoutingPreferenceRequest> = {
  ...UPDATE_ROUTING_PREFERENCE_FIELDS,
  name: 'required',
  scope: 'optional',
};

/** Query of `GET /api/v1/routing-preferences`. */
export type ListRoutingPreferencesQuery = {
  /** The `next_cursor` of the previous page. */
  readonly cursor?: string;
  /** Page size, 1–200 (default 50). */
  readonly limit?: number;
  readonly scope?: PreferenceScope;
  /** Only defaults (true) or only non-defaults (false). */
  readonly is_default?: boolean;
  /** Only enabled (true) or only disabled (false). */
  readonly enabled?: boolean;
};

/** The parameters of ListRoutingPreferencesQuery. */
export const LIST_ROUTING_PREFERENCES_FIELDS: FieldList<ListRoutingPreferencesQuery> = {
  cursor: 'optional',
  limit: 'optional',
  scope: 'optional',
  is_default: 'optional',
  enabled: 'optional',
};
