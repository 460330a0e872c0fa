import isSafeRegex from 'safe-regex2';
import { characterCount, FieldErrors } from '../shared/validation';
import { RoutingExample, RoutingRule, RoutingRules } from './routing-rule';

/** SPEC §4's bounds on routing content, in entries or characters. */
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

/** Lowest and highest rule confidence; values outside are clamped, not refused. */
export const CONFIDENCE_RANGE = { min: 0.5, max: 0.99 } as const;

/** Confidence is clamped rather than refused: callers send model scores of any range. */
export const clampConfidence = (value: number): number =>
  Math.min(CONFIDENCE_RANGE.max, Math.max(CONFIDENCE_RANGE.min, value));

/** Routing content as it arrives, before validation: any part may be missing or malformed. */
export interface RoutingRulesInput {
  readonly rules?: unknown;
  readonly examples?: unknown;
  readonly confidence_floor_overrides?: unknown;
}

type JsonObject = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/**
 * What is wrong with a rule's pattern, as the service words it, or null when it is accepted.
 * Pure and browser-safe, so an editor can check each keystroke against the server's rules.
 */
export function patternProblem(pattern: unknown): string | null {
  if (
    typeof pattern !== 'string' ||
    pattern.length === 0 ||
    characterCount(pattern) > ROUTING_LIMITS.pattern
  ) {
    return `must be a regular expression of 1-${ROUTING_LIMITS.pattern} characters`;
  }
  if (!compiles(pattern)) return 'must be a valid JavaScript regular expression';
  // Gateways run these patterns on every prompt: a nested quantifier such as (a+)+ can backtrack
  // for exponential time on a crafted prompt, stalling the gateway (ReDoS).
  if (!isSafeRegex(pattern)) {
    return 'must not nest quantifiers such as (a+)+: it could backtrack for ages';
  }
  return null;
}

// Patterns are kept verbatim, not trimmed: whitespace in a regular expression is meaningful.
function checkPattern(errors: FieldErrors, pattern: unknown, at: string): string {
  const problem = patternProblem(pattern);
  if (problem !== null) errors.add(at, problem);
  return typeof pattern === 'string' ? pattern : '';
}

function checkRule(errors: FieldErrors, rule: JsonObject, at: string): RoutingRule {
  const { confidence } = rule;
  const finite = typeof confidence === 'number' && Number.isFinite(confidence);
  if (!finite) errors.add(`${at}.confidence`, 'must be a finite number');
  return {
    pattern: checkPattern(errors, rule.pattern, `${at}.pattern`),
    target_mode: errors.text(`${at}.target_mode`, rule.target_mode, 1, ROUTING_LIMITS.mode),
    target_engine: errors.optionalText(
      `${at}.target_engine`,
      rule.target_engine,
      ROUTING_LIMITS.engine,
    ),
    confidence: finite ? clampConfidence(confidence) : Number.NaN,
    description: errors.optionalText(
      `${at}.description`,
      rule.description,
      ROUTING_LIMITS.description,
    ),
  };
}

function checkExample(errors: FieldErrors, example: JsonObject, at: string): RoutingExample {
  return {
    prompt: errors.text(`${at}.prompt`, example.prompt, 1, ROUTING_LIMITS.prompt),
    expected_mode: errors.text(
      `${at}.expected_mode`,
      example.expected_mode,
      1,
      ROUTING_LIMITS.mode,
    ),
  };
}

/** A bounded list of objects, each checked with its own path such as `rules[3]`. */
function checkList<T>(
  errors: FieldErrors,
  field: string,
  value: unknown,
  max: number,
  checkItem: (errors: FieldErrors, item: JsonObject, at: string) => T,
): T[] {
  if (!Array.isArray(value)) {
    errors.add(field, 'must be a list');
    return [];
  }
  if (value.length > max) errors.add(field, `must have at most ${max} entries`);
  return value.flatMap((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (isObject(item)) return [checkItem(errors, item, at)];
    errors.add(at, 'must be an object');
    return [];
  });
}

function checkFloors(errors: FieldErrors, value: unknown): Readonly<Record<string, number>> {
  const field = 'confidence_floor_overrides';
  if (!isObject(value)) {
    errors.add(field, 'must be an object mapping a mode to a floor from 0 to 1');
    return {};
  }
  const entries = Object.entries(value);
  if (entries.length > ROUTING_LIMITS.floorOverrides) {
    errors.add(field, `must have at most ${ROUTING_LIMITS.floorOverrides} entries`);
  }
  const floors: [string, number][] = [];
  for (const [mode, floor] of entries) {
    if (mode.trim().length === 0 || characterCount(mode) > ROUTING_LIMITS.mode) {
      errors.add(field, `every mode must be 1-${ROUTING_LIMITS.mode} characters`);
    }
    if (typeof floor === 'number' && floor >= 0 && floor <= 1) floors.push([mode, floor]);
    else errors.add(`${field}.${mode}`, 'must be a number from 0 to 1');
  }
  return Object.fromEntries(floors);
}

/** Checks the parts of routing content that are present (a PATCH); returns them normalized. */
export function checkRoutingRuleChanges(
  errors: FieldErrors,
  input: RoutingRulesInput,
): Partial<RoutingRules> {
  const { rules, examples, confidence_floor_overrides: floors } = input;
  return {
    ...(rules !== undefined && {
      rules: checkList(errors, 'rules', rules, ROUTING_LIMITS.rules, checkRule),
    }),
    ...(examples !== undefined && {
      examples: checkList(errors, 'examples', examples, ROUTING_LIMITS.examples, checkExample),
    }),
    ...(floors !== undefined && { confidence_floor_overrides: checkFloors(errors, floors) }),
  };
}

/** Checks complete routing content (missing parts are empty); returns it normalized. */
export function checkRoutingRules(errors: FieldErrors, input: RoutingRulesInput): RoutingRules {
  return {
    rules: [],
    examples: [],
    confidence_floor_overrides: {},
    ...checkRoutingRuleChanges(errors, input),
  };
}
