import { DomainError } from '../shared/domain-error';
import { KeyOwnershipFacts } from './key-access';
import { PreferenceOwnershipFacts } from './preference-access';
import { assertBindable, isBindable } from './bindability';

const alicesPersonalKey: KeyOwnershipFacts = {
  scope: 'personal',
  owner_user_id: 'alice',
  org_id: null,
};
const alicesOrgKey: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'alice', org_id: 'org_1' };
const bobsOrgKey: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'bob', org_id: 'org_1' };
const otherOrgKey: KeyOwnershipFacts = {
  scope: 'org',
  owner_user_id: 'alice',
  org_id: 'org_secret',
};
const alicesPreference: PreferenceOwnershipFacts = {
  scope: 'personal',
  author_user_id: 'alice',
  org_id: null,
};
const org1Preference: PreferenceOwnershipFacts = {
  scope: 'team',
  author_user_id: 'carol',
  org_id: 'org_1',
};

describe('isBindable', () => {
  it("binds a personal preference to its author's personal keys only, never to an org key", () => {
    const bobsPersonalKey: KeyOwnershipFacts = { ...alicesPersonalKey, owner_user_id: 'bob' };
    expect(
      [alicesPersonalKey, alicesOrgKey, bobsOrgKey, bobsPersonalKey].map((k) =>
        isBindable(alicesPreference, k),
      ),
    ).toEqual([true, false, false, false]);
  });

  it('binds a team preference to keys of its org only', () => {
    expect(
      [alicesOrgKey, bobsOrgKey, otherOrgKey, alicesPersonalKey].map((k) =>
        isBindable(org1Preference, k),
      ),
    ).toEqual([true, true, false, false]);
  });

  it('never matches a personal key by a missing org', () => {
    expect(isBindable({ ...org1Preference, org_id: null }, alicesPersonalKey)).toBe(false);
  });
});

describe('assertBindable', () => {
  it('passes for a bindable pair', () => {
    expect(() => assertBindable(org1Preference, bobsOrgKey)).not.toThrow();
  });

  it.each<[string, PreferenceOwnershipFacts, KeyOwnershipFacts]>([
    ["a team preference and another org's key", org1Preference, otherOrgKey],
    ["a personal preference and someone else's key", alicesPreference, bobsOrgKey],
    ["a personal preference and its author's org key", alicesPreference, alicesOrgKey],
  ])('refuses %s as routing_preference_not_bindable, naming no tenant', (_, preference, key) => {
    let refusal: unknown;
    try {
      assertBindable(preference, key);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    const { code, message } = refusal as DomainError;
    expect(code).toBe('routing_preference_not_bindable');
    for (const secret of ['org_secret', 'org_1', 'alice', 'bob', 'carol'])
      expect(message).not.toContain(secret);
  });
});
