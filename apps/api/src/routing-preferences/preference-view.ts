import { PreferenceFacts, PreferenceScope, RoutingRules } from '@keyledger/domain';

/** A routing preference as the API shows it (SPEC §4). */
export interface PreferenceView extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly description: string | null;
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
  readonly enabled: boolean;
  /** Its org's default (team) or its author's default (personal). */
  readonly is_default: boolean;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Maps a preference (decided facts or a read-model document) to its public view. */
export function toPreferenceView(preference: PreferenceFacts, isDefault: boolean): PreferenceView {
  return {
    id: preference.id,
    name: preference.name,
    description: preference.description,
    scope: preference.scope,
    author_user_id: preference.author_user_id,
    org_id: preference.org_id,
    rules: preference.rules,
    examples: preference.examples,
    confidence_floor_overrides: preference.confidence_floor_overrides,
    enabled: preference.enabled,
    is_default: isDefault,
    created_at: preference.created_at,
    updated_at: preference.updated_at,
  };
}
