import { RoutingRules } from '../routing-preferences/routing-rule';

/** A preference as effective routing needs it (a PreferenceFacts or a read model document). */
export interface RoutingCandidate extends RoutingRules {
  readonly id: string;
  readonly name: string;
  readonly enabled: boolean;
  /** Read models may keep deleted preferences, flagged, for history. */
  readonly deleted?: boolean;
}

/** The parts of a key that decide its routing. */
export interface RoutingKeyFacts {
  readonly id: string;
  readonly org_id: string | null;
  readonly routing_preference_id: string | null;
  readonly routing_rules: RoutingRules | null;
}

/** Everything effective routing is resolved from; the caller looks the candidates up. */
export interface EffectiveRoutingInput {
  readonly key: RoutingKeyFacts;
  /** The preference the key is bound to. */
  readonly boundPreference: RoutingCandidate | null;
  /** The default of the key's org. */
  readonly orgDefault: RoutingCandidate | null;
  /** The default of the key's owner. */
  readonly userDefault: RoutingCandidate | null;
}

/** Where a key's routing comes from. */
export type RoutingSource = 'key' | 'org_default' | 'user_default' | 'none';

/** The routing a request with this key follows, and where it came from. */
export interface EffectiveRouting extends RoutingRules {
  readonly key_id: string;
  readonly source: RoutingSource;
  /** True for rules kept on the key itself, false for a shared preference. */
  readonly is_per_key: boolean;
  readonly preference_id: string | null;
  readonly preference_name: string | null;
}

/** The rules of a key routed by nothing: shared (and frozen) by every such answer. */
const NO_RULES: RoutingRules = Object.freeze({
  rules: Object.freeze([]),
  examples: Object.freeze([]),
  confidence_floor_overrides: Object.freeze({}),
});

const usable = (candidate: RoutingCandidate | null): candidate is RoutingCandidate =>
  candidate !== null && candidate.enabled && candidate.deleted !== true;

/**
 * Key's own rules → its bound preference → its org's default → its owner's default → none;
 * disabled or deleted preferences are skipped. A personal key has no org, so no org default; a
 * bound preference other than the key's binding is ignored, so a caller's mix-up cannot route a
 * key by somebody else's rules.
 */
export function resolveEffectiveRouting(input: EffectiveRoutingInput): EffectiveRouting {
  const { key, boundPreference, orgDefault, userDefault } = input;
  const key_id = key.id;
  if (key.routing_rules !== null) {
    return {
      key_id,
      source: 'key',
      is_per_key: true,
      preference_id: null,
      preference_name: null,
      ...key.routing_rules,
    };
  }
  const candidates: readonly [RoutingSource, RoutingCandidate | null][] = [
    ['key', boundPreference?.id === key.routing_preference_id ? boundPreference : null],
    ['org_default', key.org_id === null ? null : orgDefault],
    ['user_default', userDefault],
  ];
  for (const [source, candidate] of candidates) {
    if (usable(candidate)) {
      const { id, name, rules, examples, confidence_floor_overrides } = candidate;
      return {
        key_id,
        source,
        is_per_key: false,
        preference_id: id,
        preference_name: name,
        rules,
        examples,
        confidence_floor_overrides,
      };
    }
  }
  return {
    key_id,
    source: 'none',
    is_per_key: false,
    preference_id: null,
    preference_name: null,
    ...NO_RULES,
  };
}
