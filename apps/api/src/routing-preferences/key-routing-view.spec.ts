import { toKeyPreferenceView, toKeyRoutingRulesView } from './key-routing-view';

const routing = {
  rules: [],
  examples: [{ prompt: 'p', expected_mode: 'm' }],
  confidence_floor_overrides: {},
};

describe('key routing views', () => {
  it('inherits the defaults only with neither a binding nor rules of its own', () => {
    const view = (routing_preference_id: string | null, routing_rules: typeof routing | null) =>
      toKeyPreferenceView({ id: 'k1', routing_preference_id, routing_rules }).inherits_default;
    expect(view(null, null)).toBe(true);
    expect(view('p1', null)).toBe(false);
    expect(view(null, routing)).toBe(false);
  });
  it('shows empty rules for a key without rules of its own', () => {
    expect(
      toKeyRoutingRulesView({ id: 'k1', routing_preference_id: null, routing_rules: null }),
    ).toEqual({
      key_id: 'k1',
      has_routing_rules: false,
      rules: [],
      examples: [],
      confidence_floor_overrides: {},
    });
    expect(
      toKeyRoutingRulesView({ id: 'k1', routing_preference_id: null, routing_rules: routing }),
    ).toMatchObject({
      has_routing_rules: true,
      ...routing,
    });
  });
});
