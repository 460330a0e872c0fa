import { failedFields } from '../testing';
import { validate } from '../shared/validation';
import { RoutingRule } from './routing-rule';
import {
  checkRoutingRuleChanges,
  checkRoutingRules,
  clampConfidence,
  ROUTING_LIMITS,
  RoutingRulesInput,
} from './routing-rules.validation';

const rule: RoutingRule = {
  pattern: '^(select|insert)\\b',
  target_mode: 'code',
  target_engine: null,
  confidence: 0.8,
  description: null,
};
const example = { prompt: 'select 1', expected_mode: 'code' };
const rules = (n: number, overrides: Partial<Record<keyof RoutingRule, unknown>> = {}) =>
  Array.from({ length: n }, () => ({ ...rule, ...overrides }));
const failures = (input: RoutingRulesInput) =>
  failedFields((errors) => checkRoutingRules(errors, input));
const checked = (input: RoutingRulesInput) =>
  validate((errors) => checkRoutingRules(errors, input));

describe('checkRoutingRules: limits at their boundaries', () => {
  it.each<[string, RoutingRulesInput]>([
    ['50 rules', { rules: rules(50) }],
    ['a 512-character pattern', { rules: rules(1, { pattern: 'a'.repeat(512) }) }],
    ['a 64-character target mode', { rules: rules(1, { target_mode: 'm'.repeat(64) }) }],
    ['a 128-character target engine', { rules: rules(1, { target_engine: 'e'.repeat(128) }) }],
    ['a 512-character rule description', { rules: rules(1, { description: 'd'.repeat(512) }) }],
    ['30 examples', { examples: Array.from({ length: 30 }, () => example) }],
    [
      'a 1024-character prompt',
      { examples: [{ prompt: 'p'.repeat(1024), expected_mode: 'code' }] },
    ],
    [
      '50 floor overrides from 0 to 1',
      {
        confidence_floor_overrides: Object.fromEntries(
          Array.from({ length: 50 }, (_, i) => [`m${i}`, i % 2]),
        ),
      },
    ],
    ['a 64-character floor mode', { confidence_floor_overrides: { ['m'.repeat(64)]: 0.5 } }],
    ['nothing at all', {}],
  ])('accepts %s', (_, input) => {
    expect(failures(input)).toEqual([]);
  });

  it.each<[string, RoutingRulesInput, string]>([
    ['51 rules', { rules: rules(51) }, 'rules'],
    ['rules that are not a list', { rules: 'x' }, 'rules'],
    ['a rule that is not an object', { rules: [rule, null] }, 'rules[1]'],
    [
      'a 513-character pattern',
      { rules: rules(1, { pattern: 'a'.repeat(513) }) },
      'rules[0].pattern',
    ],
    ['an empty pattern', { rules: rules(1, { pattern: '' }) }, 'rules[0].pattern'],
    [
      'a pattern that does not compile',
      { rules: [rule, rule, rule, { ...rule, pattern: '[unclosed' }] },
      'rules[3].pattern',
    ],
    [
      'a pattern that can backtrack for exponential time (nested quantifiers)',
      { rules: [rule, { ...rule, pattern: '^(\\w+\\s?)+$' }] },
      'rules[1].pattern',
    ],
    ['an empty target mode', { rules: rules(1, { target_mode: ' ' }) }, 'rules[0].target_mode'],
    [
      'a 65-character target mode',
      { rules: rules(1, { target_mode: 'm'.repeat(65) }) },
      'rules[0].target_mode',
    ],
    [
      'a 129-character target engine',
      { rules: rules(1, { target_engine: 'e'.repeat(129) }) },
      'rules[0].target_engine',
    ],
    [
      'a 513-character rule description',
      { rules: rules(1, { description: 'd'.repeat(513) }) },
      'rules[0].description',
    ],
    ['a NaN confidence', { rules: rules(1, { confidence: Number.NaN }) }, 'rules[0].confidence'],
    [
      'an infinite confidence',
      { rules: rules(1, { confidence: Number.POSITIVE_INFINITY }) },
      'rules[0].confidence',
    ],
    ['a textual confidence', { rules: rules(1, { confidence: '0.8' }) }, 'rules[0].confidence'],
    ['31 examples', { examples: Array.from({ length: 31 }, () => example) }, 'examples'],
    [
      'an empty prompt',
      { examples: [{ prompt: '', expected_mode: 'code' }] },
      'examples[0].prompt',
    ],
    [
      'a 1025-character prompt',
      { examples: [{ prompt: 'p'.repeat(1025), expected_mode: 'code' }] },
      'examples[0].prompt',
    ],
    [
      'an empty expected mode',
      { examples: [{ prompt: 'p', expected_mode: '' }] },
      'examples[0].expected_mode',
    ],
    [
      'a 65-character expected mode',
      { examples: [{ prompt: 'p', expected_mode: 'm'.repeat(65) }] },
      'examples[0].expected_mode',
    ],
    [
      '51 floor overrides',
      {
        confidence_floor_overrides: Object.fromEntries(
          Array.from({ length: 51 }, (_, i) => [`m${i}`, 0.5]),
        ),
      },
      'confidence_floor_overrides',
    ],
    [
      'floor overrides that are not an object',
      { confidence_floor_overrides: [0.5] },
      'confidence_floor_overrides',
    ],
    [
      'an empty floor mode',
      { confidence_floor_overrides: { '': 0.5 } },
      'confidence_floor_overrides',
    ],
    [
      'a 65-character floor mode',
      { confidence_floor_overrides: { ['m'.repeat(65)]: 0.5 } },
      'confidence_floor_overrides',
    ],
    [
      'a floor above 1',
      { confidence_floor_overrides: { code: 1.01 } },
      'confidence_floor_overrides.code',
    ],
    [
      'a floor below 0',
      { confidence_floor_overrides: { code: -0.01 } },
      'confidence_floor_overrides.code',
    ],
    [
      'a NaN floor',
      { confidence_floor_overrides: { code: Number.NaN } },
      'confidence_floor_overrides.code',
    ],
  ])('refuses %s on %s', (_, input, field) => {
    expect(failures(input)).toEqual([field]);
  });

  it('names every problem at once', () => {
    expect(
      failures({
        rules: [
          { ...rule, pattern: '(' },
          { ...rule, target_mode: '' },
        ],
        examples: [{ prompt: '', expected_mode: 'x' }],
      }),
    ).toEqual(['rules[0].pattern', 'rules[1].target_mode', 'examples[0].prompt']);
  });
});

describe('checkRoutingRules: normalization', () => {
  it.each([
    [0.1, 0.5],
    [0.5, 0.5],
    [0.75, 0.75],
    [0.99, 0.99],
    [1, 0.99],
    [-3, 0.5],
  ])('clamps confidence %p to %p', (input, clamped) => {
    expect(clampConfidence(input)).toBe(clamped);
    expect(checked({ rules: rules(1, { confidence: input }) }).rules[0].confidence).toBe(clamped);
  });

  it('trims names, turns blank optional text into null and keeps patterns verbatim', () => {
    const input = {
      rules: [
        {
          pattern: ' ^a ',
          target_mode: ' code ',
          target_engine: '  ',
          confidence: 0.7,
          description: ' why ',
        },
      ],
    };
    expect(checked(input).rules).toEqual([
      {
        pattern: ' ^a ',
        target_mode: 'code',
        target_engine: null,
        confidence: 0.7,
        description: 'why',
      },
    ]);
  });

  it('fills missing parts with empty collections', () => {
    expect(checked({})).toEqual({ rules: [], examples: [], confidence_floor_overrides: {} });
  });

  it('drops fields a rule should not have', () => {
    expect(checked({ rules: [{ ...rule, extra: 'x' }] }).rules).toEqual([rule]);
  });
});

describe('checkRoutingRuleChanges', () => {
  it('returns only the parts that are present', () => {
    expect(validate((errors) => checkRoutingRuleChanges(errors, { examples: [example] }))).toEqual({
      examples: [example],
    });
    expect(validate((errors) => checkRoutingRuleChanges(errors, {}))).toEqual({});
  });

  it('checks the parts that are present', () => {
    expect(
      failedFields((errors) =>
        checkRoutingRuleChanges(errors, { rules: rules(ROUTING_LIMITS.rules + 1) }),
      ),
    ).toEqual(['rules']);
  });
});
