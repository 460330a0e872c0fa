import { ruleProblems, toRuleInput } from './rule-draft';

const draft = { pattern: '^sql', target_mode: 'code', target_engine: '', confidence: '0.8' };

describe('rule drafts', () => {
  it('has no problem with a rule the service accepts', () => {
    expect(ruleProblems(draft)).toEqual({});
    expect(toRuleInput(draft)).toEqual({
      pattern: '^sql',
      target_mode: 'code',
      target_engine: null,
      confidence: 0.8,
    });
  });

  it('words each problem as the service does, the ReDoS refusal included', () => {
    expect(
      ruleProblems({ ...draft, pattern: '(a+)+$', target_mode: ' ', confidence: 'x' }),
    ).toEqual({
      pattern: 'must not nest quantifiers such as (a+)+: it could backtrack for ages',
      target_mode: 'must be 1-64 characters',
      confidence: 'must be a finite number',
    });
    expect(ruleProblems({ ...draft, pattern: '[' }).pattern).toBe(
      'must be a valid JavaScript regular expression',
    );
  });
});
