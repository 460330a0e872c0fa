import { RoutingRule } from './routing-rule';
import { matchRoutingRule } from './routing-rule-match';
import { patternProblem } from './routing-rules.validation';

const rule = (pattern: string, target_mode: string, confidence = 0.9): RoutingRule => ({
  pattern,
  target_mode,
  target_engine: null,
  confidence,
  description: null,
});

describe('matchRoutingRule', () => {
  const rules = [rule('^sql', 'code', 0.6), rule('select', 'analysis'), rule('.', 'chat', 0.5)];

  it('picks the first rule whose pattern matches', () => {
    const match = matchRoutingRule({ rules, confidence_floor_overrides: {} }, 'sql: select 1');
    expect(match).toMatchObject({ index: 0, rule: { target_mode: 'code' }, belowFloor: [] });
  });

  it("passes over a matching rule below its mode's floor, and says so", () => {
    const floors = { code: 0.7 };
    const match = matchRoutingRule({ rules, confidence_floor_overrides: floors }, 'sql: select 1');
    expect(match).toMatchObject({ index: 1, rule: { target_mode: 'analysis' }, belowFloor: [0] });
  });

  it('finds none when no pattern matches', () => {
    expect(
      matchRoutingRule({ rules: rules.slice(0, 2), confidence_floor_overrides: {} }, 'hi'),
    ).toBe(null);
  });
});

describe('patternProblem (the rule the service and the console share)', () => {
  it.each([
    ['^sql\\b', null],
    ['', 'must be a regular expression of 1-512 characters'],
    ['x'.repeat(513), 'must be a regular expression of 1-512 characters'],
    ['(unclosed', 'must be a valid JavaScript regular expression'],
    ['(a+)+$', 'must not nest quantifiers such as (a+)+: it could backtrack for ages'],
  ])('%s → %s', (pattern, problem) => {
    expect(patternProblem(pattern)).toBe(problem);
  });
});
