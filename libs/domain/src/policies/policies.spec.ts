import { Principal } from '../shared/principal';
import { assertBindable, isBindable } from './bindability';
import { resolveEffectiveRouting, RoutingCandidate } from './effective-routing';
import { canCreateKeyIn, canManageKey, canManageKeyBinding, canSeeKey, KeyOwnershipFacts } from './key-access';
import { canManagePreference, canSeePreference } from './preference-access';

const user = (id: string, orgs: { id: string; permissions: string[] }[] = []): Principal => ({
  kind: 'user',
  user_id: id,
  active_org_id: orgs[0]?.id ?? null,
  orgs,
  plan_tier: null,
});
const keyCaller = (scopes: string[], org: string | null = null): Principal => ({
  kind: 'api_key',
  key_id: 'kx',
  user_id: 'owner',
  active_org_id: org,
  orgs: [
    { id: 'org_1', permissions: ['manageApiKeys', 'manageRouting'] },
    { id: 'org_2', permissions: ['manageApiKeys'] },
  ],
  scopes,
  plan_tier: null,
});

const personalKey: KeyOwnershipFacts = { scope: 'personal', owner_user_id: 'owner', org_id: null };
const orgKey: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'someone', org_id: 'org_1' };
const admin = user('admin', [{ id: 'org_1', permissions: ['manageApiKeys'] }]);
const member = user('member', [{ id: 'org_1', permissions: [] }]);
const outsider = user('outsider', [{ id: 'org_2', permissions: ['manageApiKeys', 'manageRouting'] }]);

describe('key access', () => {
  it('shows a personal key to its owner only', () => {
    expect(canSeeKey(user('owner'), personalKey)).toBe(true);
    expect(canSeeKey(admin, personalKey)).toBe(false);
  });

  it('shows an org key to its org members only', () => {
    expect([admin, member, outsider].map((p) => canSeeKey(p, orgKey))).toEqual([true, true, false]);
  });

  it('lets org members with manageApiKeys manage org keys', () => {
    expect([admin, member, outsider].map((p) => canManageKey(p, orgKey))).toEqual([true, false, false]);
    expect(canManageKey(user('owner'), personalKey)).toBe(true);
  });

  it('needs the management scope for key callers to manage keys', () => {
    expect(canManageKey(keyCaller(['completions']), personalKey)).toBe(false);
    expect(canManageKey(keyCaller(['management']), personalKey)).toBe(true);
    expect(canCreateKeyIn(keyCaller(['billing']), null)).toBe(false);
  });

  it('lets billing keys manage bindings but not keys', () => {
    expect(canManageKeyBinding(keyCaller(['billing']), personalKey)).toBe(true);
    expect(canManageKeyBinding(keyCaller(['completions']), personalKey)).toBe(false);
  });

  it('confines an org key caller to its own org', () => {
    const confined = keyCaller(['management'], 'org_2');
    expect(canSeeKey(confined, orgKey)).toBe(false);
    expect(canCreateKeyIn(confined, 'org_1')).toBe(false);
    expect(canCreateKeyIn(confined, 'org_2')).toBe(true);
  });

  it('needs manageApiKeys to create in an org', () => {
    expect([admin, member, outsider].map((p) => canCreateKeyIn(p, 'org_1'))).toEqual([true, false, false]);
    expect(canCreateKeyIn(member, null)).toBe(true);
  });
});

describe('preference access', () => {
  const team = { scope: 'team' as const, author_user_id: 'admin', org_id: 'org_1' };
  const personal = { scope: 'personal' as const, author_user_id: 'member', org_id: null };
  const router = user('router', [{ id: 'org_1', permissions: ['manageRouting'] }]);

  it('shows team preferences to members and personal ones to their author', () => {
    expect([router, member, outsider].map((p) => canSeePreference(p, team))).toEqual([true, true, false]);
    expect([member, router].map((p) => canSeePreference(p, personal))).toEqual([true, false]);
  });

  it('needs manageRouting to manage team preferences', () => {
    expect([router, admin, outsider].map((p) => canManagePreference(p, team))).toEqual([true, false, false]);
    expect(canManagePreference(member, personal)).toBe(true);
    expect(canManagePreference(keyCaller(['completions'], 'org_1'), team)).toBe(false);
  });
});

describe('bindability', () => {
  it('binds a personal preference to its author\'s keys only', () => {
    const personal = { scope: 'personal' as const, author_user_id: 'owner', org_id: null };
    expect(isBindable(personal, personalKey)).toBe(true);
    expect(isBindable(personal, orgKey)).toBe(false);
  });

  it('binds a team preference to keys of its org only, naming no other tenant', () => {
    const team = { scope: 'team' as const, author_user_id: 'x', org_id: 'org_1' };
    expect(isBindable(team, orgKey)).toBe(true);
    expect(isBindable(team, personalKey)).toBe(false);
    expect(() => assertBindable({ ...team, org_id: 'org_secret' }, orgKey)).toThrow(
      expect.objectContaining({ code: 'routing_preference_not_bindable', message: expect.not.stringContaining('org_secret') }),
    );
  });
});

describe('effective routing', () => {
  const candidate = (id: string, enabled = true): RoutingCandidate => ({
    id,
    name: `pref ${id}`,
    enabled,
    rules: [{ pattern: id, target_mode: 'm', target_engine: null, confidence: 0.7, description: null }],
    examples: [],
    confidence_floor_overrides: {},
  });
  const none = { keyRules: null, boundPreference: null, orgDefault: null, userDefault: null };

  it('prefers the key\'s own rules', () => {
    const keyRules = { rules: [], examples: [], confidence_floor_overrides: { x: 0.6 } };
    expect(resolveEffectiveRouting({ ...none, keyRules, boundPreference: candidate('b') })).toMatchObject({ source: 'key', is_per_key: true, confidence_floor_overrides: { x: 0.6 } });
  });

  it('then the bound preference, the org default, the user default, none', () => {
    expect(resolveEffectiveRouting({ ...none, boundPreference: candidate('b'), orgDefault: candidate('o') })).toMatchObject({ source: 'key', preference_id: 'b', is_per_key: false });
    expect(resolveEffectiveRouting({ ...none, orgDefault: candidate('o'), userDefault: candidate('u') })).toMatchObject({ source: 'org_default', preference_id: 'o' });
    expect(resolveEffectiveRouting({ ...none, userDefault: candidate('u') })).toMatchObject({ source: 'user_default', preference_name: 'pref u' });
    expect(resolveEffectiveRouting(none)).toMatchObject({ source: 'none', preference_id: null, rules: [] });
  });

  it('skips disabled and deleted preferences', () => {
    expect(resolveEffectiveRouting({ ...none, boundPreference: candidate('b', false), orgDefault: { ...candidate('o'), deleted: true }, userDefault: candidate('u') })).toMatchObject({
      source: 'user_default',
    });
  });
});
