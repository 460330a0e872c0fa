import { FieldErrors } from '../shared/validation';
import { RoutingExample, RoutingRule, RoutingRules } from './routing-rule';

export const ROUTING_LIMITS = {
  rules: 50,
  pattern: 512,
  mode: 64,
  engine: 128,
  description: 512,
  examples: 30,
  prompt: 1024,
  floorOverrides: 50,
} as const;

const MIN_CONFIDENCE = 0.5;
const MAX_CONFIDENCE = 0.99;

/** Confidence is clamped rather than refused: callers send model scores of any range. */
export const clampConfidence = (value: number): number =>
  Math.min(MAX_CONFIDENCE, Math.max(MIN_CONFIDENCE, value));

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

function checkRule(errors: FieldErrors, rule: RoutingRule, at: string): RoutingRule {
  if (typeof rule.pattern !== 'string' || rule.pattern.length === 0 || rule.pattern.length > ROUTING_LIMITS.pattern) {
    errors.add(`${at}.pattern`, `must be 1-${ROUTING_LIMITS.pattern} characters`);
  } else if (!compiles(rule.pattern)) {
    errors.add(`${at}.pattern`, 'must be a valid regular expression');
  }
  errors.text(`${at}.target_mode`, rule.target_mode, 1, ROUTING_LIMITS.mode);
  if (rule.target_engine != null) errors.text(`${at}.target_engine`, rule.target_engine, 1, ROUTING_LIMITS.engine);
  if (rule.description != null) errors.text(`${at}.description`, rule.description, 0, ROUTING_LIMITS.description);
  if (typeof rule.confidence !== 'number' || !Number.isFinite(rule.confidence)) {
    errors.add(`${at}.confidence`, 'must be a number');
  }
  return {
    pattern: rule.pattern,
    target_mode: rule.target_mode,
    target_engine: rule.target_engine ?? null,
    confidence: clampConfidence(rule.confidence),
    description: rule.description ?? null,
  };
}

function checkExample(errors: FieldErrors, example: RoutingExample, at: string): RoutingExample {
  errors.text(`${at}.prompt`, example.prompt, 1, ROUTING_LIMITS.prompt);
  errors.text(`${at}.expected_mode`, example.expected_mode, 1, ROUTING_LIMITS.mode);
  return { prompt: example.prompt, expected_mode: example.expected_mode };
}

function checkFloors(errors: FieldErrors, floors: Readonly<Record<string, number>>, at: string): void {
  const entries = Object.entries(floors);
  if (entries.length > ROUTING_LIMITS.floorOverrides) {
    errors.add(at, `must have at most ${ROUTING_LIMITS.floorOverrides} entries`);
  }
  for (const [mode, floor] of entries) {
    if (mode.length === 0 || mode.length > ROUTING_LIMITS.mode) errors.add(`${at}.${mode}`, `mode must be 1-${ROUTING_LIMITS.mode} characters`);
    if (typeof floor !== 'number' || !(floor >= 0 && floor <= 1)) errors.add(`${at}.${mode}`, 'must be a number from 0 to 1');
  }
}

/** Checks the parts of routing content that are present, adding errors; returns them normalized. */
export function checkRoutingRules(errors: FieldErrors, input: Partial<RoutingRules>): Partial<RoutingRules> {
  const checked: { -readonly [K in keyof RoutingRules]?: RoutingRules[K] } = {};
  if (input.rules !== undefined) {
    if (!Array.isArray(input.rules)) errors.add('rules', 'must be a list');
    else {
      if (input.rules.length > ROUTING_LIMITS.rules) errors.add('rules', `must have at most ${ROUTING_LIMITS.rules} rules`);
      checked.rules = input.rules.map((rule, i) => checkRule(errors, rule, `rules[${i}]`));
    }
  }
  if (input.examples !== undefined) {
    if (!Array.isArray(input.examples)) errors.add('examples', 'must be a list');
    else {
      if (input.examples.length > ROUTING_LIMITS.examples) errors.add('examples', `must have at most ${ROUTING_LIMITS.examples} examples`);
      checked.examples = input.examples.map((example, i) => checkExample(errors, example, `examples[${i}]`));
    }
  }
  if (input.confidence_floor_overrides !== undefined) {
    checkFloors(errors, input.confidence_floor_overrides, 'confidence_floor_overrides');
    checked.confidence_floor_overrides = input.confidence_floor_overrides;
  }
  return checked;
}

/** Validates complete routing content, throwing every problem at once. */
export function validRoutingRules(input: RoutingRules): RoutingRules {
  const errors = new FieldErrors();
  const checked = checkRoutingRules(errors, input);
  errors.throwIfAny();
  return { rules: checked.rules ?? [], examples: checked.examples ?? [], confidence_floor_overrides: checked.confidence_floor_overrides ?? {} };
}
