import { PreferenceScope, RoutingExample, RoutingRules } from '@keyledger/domain';

/** One routing rule as a request names it; the optional fields may be left out. */
export interface RoutingRuleInput {
  readonly pattern: string;
  readonly target_mode: string;
  readonly target_engine?: string | null;
  readonly confidence: number;
  readonly description?: string | null;
}

/** Routing content a command names: each collection given replaces the current one whole. */
export interface RoutingContentInput {
  readonly rules?: readonly RoutingRuleInput[];
  readonly examples?: readonly RoutingExample[];
  readonly confidence_floor_overrides?: Readonly<Record<string, number>>;
}

/** What a preference's create and update share: all but the name and the scope. */
export interface PreferenceSettingsInput extends RoutingContentInput {
  readonly description?: string | null;
  readonly enabled?: boolean;
  /** Make it (true) or stop it being (false) its owner's default. */
  readonly is_default?: boolean;
}

/** What a preference create names. */
export interface CreateRoutingPreferenceInput extends PreferenceSettingsInput {
  readonly name: string;
  /** Omitted: personal. */
  readonly scope?: PreferenceScope;
}

/** What a preference update names: each field given replaces the current one. */
export interface UpdateRoutingPreferenceInput extends PreferenceSettingsInput {
  readonly name?: string;
}

/** Content as the key decider takes it: omitted parts empty, omitted optional fields null. */
export function routingRulesOf(content: RoutingContentInput): RoutingRules {
  return {
    rules: (content.rules ?? []).map((rule) => ({
      ...rule,
      target_engine: rule.target_engine ?? null,
      description: rule.description ?? null,
    })),
    examples: content.examples ?? [],
    confidence_floor_overrides: content.confidence_floor_overrides ?? {},
  };
}
