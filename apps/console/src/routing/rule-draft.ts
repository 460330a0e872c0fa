import { RoutingRule, RoutingRuleInput } from '@keyledger/client';
import {
  patternProblem,
  ROUTING_LIMITS,
} from '@keyledger/domain/routing-preferences/routing-rules.validation';

/** A rule as the editor holds it: every field text, as typed. */
export interface RuleDraft {
  readonly pattern: string;
  readonly target_mode: string;
  readonly target_engine: string;
  readonly confidence: string;
}

/** A blank rule for the editor. */
export const BLANK_RULE: RuleDraft = {
  pattern: '',
  target_mode: '',
  target_engine: '',
  confidence: '0.9',
};

/** The editor's draft of a stored rule. */
export const toDraft = (rule: RoutingRule): RuleDraft => ({
  pattern: rule.pattern,
  target_mode: rule.target_mode,
  target_engine: rule.target_engine ?? '',
  confidence: String(rule.confidence),
});

/** What the service would refuse in a draft, by field; empty when it would accept it. */
export function ruleProblems(draft: RuleDraft): Partial<Record<keyof RuleDraft, string>> {
  const problems: Partial<Record<keyof RuleDraft, string>> = {};
  const pattern = patternProblem(draft.pattern);
  if (pattern !== null) problems.pattern = pattern;
  const mode = [...draft.target_mode.trim()].length;
  if (mode < 1 || mode > ROUTING_LIMITS.mode) {
    problems.target_mode = `must be 1-${ROUTING_LIMITS.mode} characters`;
  }
  if ([...draft.target_engine.trim()].length > ROUTING_LIMITS.engine) {
    problems.target_engine = `must be at most ${ROUTING_LIMITS.engine} characters`;
  }
  if (draft.confidence.trim() === '' || !Number.isFinite(Number(draft.confidence))) {
    problems.confidence = 'must be a finite number';
  }
  return problems;
}

/** The rule the API takes for a draft. */
export const toRuleInput = (draft: RuleDraft): RoutingRuleInput => ({
  pattern: draft.pattern,
  target_mode: draft.target_mode.trim(),
  target_engine: draft.target_engine.trim() === '' ? null : draft.target_engine.trim(),
  confidence: Number(draft.confidence),
});
