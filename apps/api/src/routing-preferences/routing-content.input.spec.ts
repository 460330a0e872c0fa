import { routingRulesOf } from './routing-content.input';

describe('routingRulesOf', () => {
  it('fills omitted parts and optional rule fields as the key decider expects', () => {
    const content = { rules: [{ pattern: '^a', target_mode: 'code', confidence: 0.7 }] };
    expect(routingRulesOf(content)).toEqual({
      rules: [
        {
          pattern: '^a',
          target_mode: 'code',
          confidence: 0.7,
          target_engine: null,
          description: null,
        },
      ],
      examples: [],
      confidence_floor_overrides: {},
    });
  });
});
