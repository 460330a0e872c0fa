import { KeyFacts, RoutingRules } from '@keyledger/domain';

/** The parts of a key (decided facts or a read-model document) its routing views show. */
export type KeyRouting = Pick<KeyFacts, 'id' | 'routing_preference_id' | 'routing_rules'>;

/** `GET/PUT /api/v1/keys/{id}/routing-preference` (SPEC §4). */
export interface KeyPreferenceView {
  readonly key_id: string;
  readonly preference_id: string | null;
  /** True when neither a binding nor key-first rules apply, so the defaults decide. */
  readonly inherits_default: boolean;
}

/** `GET/PUT /api/v1/keys/{id}/routing-rules`: the key's own rules, empty when it has none. */
export interface KeyRoutingRulesView extends RoutingRules {
  readonly key_id: string;
  readonly has_routing_rules: boolean;
}

/** The key's binding. */
export const toKeyPreferenceView = (key: KeyRouting): KeyPreferenceView => ({
  key_id: key.id,
  preference_id: key.routing_preference_id,
  inherits_default: key.routing_preference_id === null && key.routing_rules === null,
});

/** The key's own rules. */
export const toKeyRoutingRulesView = (key: KeyRouting): KeyRoutingRulesView => ({
  key_id: key.id,
  has_routing_rules: key.routing_rules !== null,
  rules: key.routing_rules?.rules ?? [],
  examples: key.routing_rules?.examples ?? [],
  confidence_floor_overrides: key.routing_rules?.confidence_floor_overrides ?? {},
});
