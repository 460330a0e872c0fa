import { RoutingRules } from '@keyledger/domain';
import { ResolutionHarness, secretOf } from './testing';

const T = '2026-03-10T12:00:00.000Z';
const rules = (mode: string): RoutingRules => ({
  rules: [
    {
      pattern: '^code',
      target_mode: mode,
      target_engine: null,
      confidence: 0.8,
      description: null,
    },
  ],
  examples: [],
  confidence_floor_overrides: {},
});

/** Key k1 of user u1 in org_1, preferences p-bound / p-org / p-user, defaults set for org_1 and u1. */
const harnessWithPreferences = () => {
  const harness = new ResolutionHarness();
  harness.createKey(1, { org_id: 'org_1', scope: 'org' });
  for (const [id, scope, org] of [
    ['p-bound', 'team', 'org_1'],
    ['p-org', 'team', 'org_1'],
    ['p-user', 'personal', null],
  ] as const) {
    harness.apply(`routing_preference-${id}`, {
      type: 'RoutingPreferenceCreated',
      data: {
        preference_id: id,
        name: id,
        description: null,
        scope,
        author_user_id: 'u1',
        org_id: org,
        enabled: true,
        created_at: T,
        ...rules(id),
      },
    });
  }
  harness.apply('org-org_1', {
    type: 'DefaultPreferenceSet',
    data: {
      owner: { kind: 'org', org_id: 'org_1' },
      preference_id: 'p-org',
      previous_preference_id: null,
    },
  });
  harness.apply('user-u1', {
    type: 'DefaultPreferenceSet',
    data: {
      owner: { kind: 'user', user_id: 'u1' },
      preference_id: 'p-user',
      previous_preference_id: null,
    },
  });
  return harness;
};

const routingOf = (harness: ResolutionHarness) => {
  const outcome = harness.resolve({ secret: secretOf(1) }, new Date(T));
  if (!outcome.ok) throw new Error(outcome.code);
  return outcome.routing;
};

describe('RoutingDirectory (through resolution)', () => {
  it('routes by the key’s own rules first', () => {
    const harness = harnessWithPreferences();
    harness.changeKey(1, {
      type: 'PreferenceBound',
      data: { preference_id: 'p-bound', previous_preference_id: null, bound_at: T },
    });
    harness.changeKey(1, { type: 'KeyRoutingRulesSet', data: { ...rules('own'), changed_at: T } });
    expect(routingOf(harness)).toMatchObject({
      source: 'key',
      is_per_key: true,
      rules: rules('own').rules,
    });
  });

  it('then by the bound preference, then the org default, then the user default', () => {
    const harness = harnessWithPreferences();
    harness.changeKey(1, {
      type: 'PreferenceBound',
      data: { preference_id: 'p-bound', previous_preference_id: null, bound_at: T },
    });
    expect(routingOf(harness)).toMatchObject({ source: 'key', preference_id: 'p-bound' });
    harness.changeKey(1, {
      type: 'PreferenceUnbound',
      data: { preference_id: 'p-bound', reason: 'cleared', unbound_at: T },
    });
    expect(routingOf(harness)).toMatchObject({ source: 'org_default', preference_id: 'p-org' });
    harness.apply('org-org_1', {
      type: 'DefaultPreferenceCleared',
      data: { owner: { kind: 'org', org_id: 'org_1' }, preference_id: 'p-org' },
    });
    expect(routingOf(harness)).toMatchObject({ source: 'user_default', preference_id: 'p-user' });
  });

  it('skips a disabled or deleted preference, and follows renames and new rules', () => {
    const harness = harnessWithPreferences();
    harness.apply('routing_preference-p-org', {
      type: 'RoutingPreferenceDisabled',
      data: { preference_id: 'p-org', disabled_at: T },
    });
    expect(routingOf(harness)).toMatchObject({ source: 'user_default' });
    harness.apply('routing_preference-p-user', {
      type: 'RoutingPreferenceUpdated',
      data: { preference_id: 'p-user', name: 'renamed', rules: rules('new').rules, updated_at: T },
    });
    expect(routingOf(harness)).toMatchObject({
      preference_name: 'renamed',
      rules: rules('new').rules,
    });
    harness.apply('routing_preference-p-user', {
      type: 'RoutingPreferenceDeleted',
      data: { preference_id: 'p-user', deleted_at: T },
    });
    expect(routingOf(harness)).toMatchObject({ source: 'none', preference_id: null });
  });

  it('skips an event of a preference or default stream already folded', () => {
    const harness = harnessWithPreferences();
    const disabled = harness.apply('routing_preference-p-org', {
      type: 'RoutingPreferenceDisabled',
      data: { preference_id: 'p-org', disabled_at: T },
    });
    harness.apply('routing_preference-p-org', {
      type: 'RoutingPreferenceEnabled',
      data: { preference_id: 'p-org', enabled_at: T },
    });
    harness.model.apply(disabled, false);
    expect(routingOf(harness)).toMatchObject({ source: 'org_default' });
  });
});
