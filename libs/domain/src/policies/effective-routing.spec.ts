import { RoutingRules } from '../routing-preferences/routing-rule';
import {
  EffectiveRoutingInput,
  resolveEffectiveRouting,
  RoutingCandidate,
  RoutingKeyFacts,
} from './effective-routing';

const content = (mode: string): RoutingRules => ({
  rules: [
    {
      pattern: `^${mode}`,
      target_mode: mode,
      target_engine: null,
      confidence: 0.7,
      description: null,
    },
  ],
  examples: [{ prompt: mode, expected_mode: mode }],
  confidence_floor_overrides: { [mode]: 0.6 },
});
const candidate = (id: string, overrides: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  id,
  name: `pref ${id}`,
  enabled: true,
  ...content(id),
  ...overrides,
});
const orgKey: RoutingKeyFacts = {
  id: 'k1',
  org_id: 'org_1',
  routing_preference_id: null,
  routing_rules: null,
};
const input = (overrides: Partial<EffectiveRoutingInput> = {}): EffectiveRoutingInput => ({
  key: orgKey,
  boundPreference: null,
  orgDefault: null,
  userDefault: null,
  ...overrides,
});
const from = (source: string, id: string) => ({
  key_id: 'k1',
  source,
  is_per_key: false,
  preference_id: id,
  preference_name: `pref ${id}`,
  ...content(id),
});

describe('resolveEffectiveRouting', () => {
  const boundKey: RoutingKeyFacts = { ...orgKey, routing_preference_id: 'b' };

  it("prefers the key's own rules over everything", () => {
    const keyWithRules = { ...boundKey, routing_rules: content('own') };
    expect(
      resolveEffectiveRouting(
        input({
          key: keyWithRules,
          boundPreference: candidate('b'),
          orgDefault: candidate('o'),
          userDefault: candidate('u'),
        }),
      ),
    ).toEqual({
      key_id: 'k1',
      source: 'key',
      is_per_key: true,
      preference_id: null,
      preference_name: null,
      ...content('own'),
    });
  });

  it("then the bound preference, as the key's own source", () => {
    expect(
      resolveEffectiveRouting(
        input({ key: boundKey, boundPreference: candidate('b'), orgDefault: candidate('o') }),
      ),
    ).toEqual(from('key', 'b'));
  });

  it("then the default of the key's org", () => {
    expect(
      resolveEffectiveRouting(input({ orgDefault: candidate('o'), userDefault: candidate('u') })),
    ).toEqual(from('org_default', 'o'));
  });

  it("then the default of the key's owner", () => {
    expect(resolveEffectiveRouting(input({ userDefault: candidate('u') }))).toEqual(
      from('user_default', 'u'),
    );
  });

  it('and otherwise nothing', () => {
    expect(resolveEffectiveRouting(input())).toEqual({
      key_id: 'k1',
      source: 'none',
      is_per_key: false,
      preference_id: null,
      preference_name: null,
      rules: [],
      examples: [],
      confidence_floor_overrides: {},
    });
  });

  it('skips a disabled bound preference and a deleted org default', () => {
    expect(
      resolveEffectiveRouting(
        input({
          key: boundKey,
          boundPreference: candidate('b', { enabled: false }),
          orgDefault: candidate('o', { deleted: true }),
          userDefault: candidate('u'),
        }),
      ),
    ).toEqual(from('user_default', 'u'));
  });

  it('skips a deleted bound preference', () => {
    expect(
      resolveEffectiveRouting(
        input({
          key: boundKey,
          boundPreference: candidate('b', { deleted: true }),
          orgDefault: candidate('o'),
        }),
      ),
    ).toEqual(from('org_default', 'o'));
  });

  it('gives a personal key no org default', () => {
    const personalKey = { ...orgKey, org_id: null };
    expect(
      resolveEffectiveRouting(
        input({ key: personalKey, orgDefault: candidate('o'), userDefault: candidate('u') }),
      ),
    ).toEqual(from('user_default', 'u'));
  });

  it("ignores a bound preference that is not the key's binding", () => {
    expect(
      resolveEffectiveRouting(
        input({ boundPreference: candidate('b'), orgDefault: candidate('o') }),
      ),
    ).toEqual(from('org_default', 'o'));
    expect(
      resolveEffectiveRouting(input({ key: boundKey, boundPreference: candidate('x') })),
    ).toMatchObject({ source: 'none' });
  });
});
