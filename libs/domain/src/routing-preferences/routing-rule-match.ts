import { RoutingRule, RoutingRules } from './routing-rule';

/** The rule a prompt follows, and the rules before it that matched but fell below their floor. */
export interface RoutingRuleMatch {
  /** 0-based place of the rule in the list. */
  readonly index: number;
  readonly rule: RoutingRule;
  /** Matching rules passed over because their confidence is below their mode's floor. */
  readonly belowFloor: readonly number[];
}

/**
 * Which rule a prompt would follow: the first, in order, whose pattern matches the prompt and
 * whose confidence reaches the floor its mode is given in `confidence_floor_overrides` (no
 * override: no floor). Null when none applies and the gateway's own routing decides.
 */
export function matchRoutingRule(
  content: Pick<RoutingRules, 'rules' | 'confidence_floor_overrides'>,
  prompt: string,
): RoutingRuleMatch | null {
  const belowFloor: number[] = [];
  for (const [index, rule] of content.rules.entries()) {
    if (!new RegExp(rule.pattern).test(prompt)) continue;
    const floor = content.confidence_floor_overrides[rule.target_mode] ?? 0;
    if (rule.confidence >= floor) return { index, rule, belowFloor };
    belowFloor.push(index);
  }
  return null;
}
