import { RoutingRules } from '../routing-preferences/routing-rule';

/** A preference as effective routing needs it. */
export interface RoutingCandidate extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  readonly deleted?: boolean;
}

export type RoutingSource = 'key' | 'org_default' | 'user_default' | 'none';

/** The routing a request with this key follows, and where it came from. */
export interface EffectiveRouting extends RoutingRules {
  readonly source: RoutingSource;
  readonly is_per_key: boolean;
  readonly preference_id: string | null;
  readonly preference_name: string | null;
}

const usable = (candidate: RoutingCandidate | null | undefined): candidate is RoutingCandidate =>
  !!candidate && candidate.enabled && !candidate.deleted;

const fromPreference = (source: RoutingSource, preference: RoutingCandidate): EffectiveRouting => ({
  source,
  is_per_key: false,
  preference_id: preference.id,
  preference_name: preference.name,
  rules: preference.rules,
  examples: preference.examples,
  confidence_floor_overrides: preference.confidence_floor_overrides,
});

/** Key's own rules → its bound preference → its org's default → its owner's default → none. */
export function resolveEffectiveRouting(input: {
  readonly keyRules: RoutingRules | null;
  readonly boundPreference: RoutingCandidate | null;
  readonly orgDefault: RoutingCandidate | null;
  readonly userDefault: RoutingCandidate | null;
}): EffectiveRouting {
  if (input.keyRules) {
    return { source: 'key', is_per_key: true, preference_id: null, preference_name: null, ...input.keyRules };
  }
  if (usable(input.boundPreference)) return fromPreference('key', input.boundPreference);
  if (usable(input.orgDefault)) return fromPreference('org_default', input.orgDefault);
  if (usable(input.userDefault)) return fromPreference('user_default', input.userDefault);
  return {
    source: 'none',
    is_per_key: false,
    preference_id: null,
    preference_name: null,
    rules: [],
    examples: [],
    confidence_floor_overrides: {},
  };
}
