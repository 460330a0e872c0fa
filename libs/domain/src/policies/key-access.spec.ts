import {
  canCreateKeyIn,
  canManageKey,
  canManageKeyBinding,
  canSeeKey,
  KeyOwnershipFacts,
} from './key-access';
import { alice, aliceKey, bob, mallory, rita } from '../testing/principals';

const alicePersonal: KeyOwnershipFacts = {
  scope: 'personal',
  owner_user_id: 'alice',
  org_id: null,
};
const bobsOrg1Key: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'bob', org_id: 'org_1' };
const alicesOrg2Key: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'alice', org_id: 'org_2' };
const alicesKeyInALeftOrg: KeyOwnershipFacts = {
  scope: 'org',
  owner_user_id: 'alice',
  org_id: 'org_gone',
};

describe('canSeeKey', () => {
  it('shows a personal key to its owner only, not even to an org admin', () => {
    expect([alice, bob, mallory].map((p) => canSeeKey(p, alicePersonal))).toEqual([
      true,
      false,
      false,
    ]);
    expect(canSeeKey(alice, { ...bobsOrg1Key, scope: 'personal', org_id: null })).toBe(false);
  });

  it('shows an org key to every member of its org, whatever their permissions', () => {
    expect([alice, bob, rita, mallory].map((p) => canSeeKey(p, bobsOrg1Key))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('shows an org key to its owner even outside the org', () => {
    expect(canSeeKey(alice, alicesKeyInALeftOrg)).toBe(true);
  });

  it('lets a personal key caller see what its owner sees', () => {
    const caller = aliceKey(['completions']);
    expect([alicePersonal, bobsOrg1Key, alicesOrg2Key].map((k) => canSeeKey(caller, k))).toEqual([
      true,
      true,
      true,
    ]);
  });

  it('confines an org key caller to keys of its own org', () => {
    const caller = aliceKey(['management'], 'org_1');
    expect(
      [alicePersonal, bobsOrg1Key, alicesOrg2Key, alicesKeyInALeftOrg].map((k) =>
        canSeeKey(caller, k),
      ),
    ).toEqual([false, true, false, false]);
  });
});

describe('canManageKey', () => {
  it('lets only the owner manage a personal key', () => {
    expect([alice, bob, mallory].map((p) => canManageKey(p, alicePersonal))).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('needs manageApiKeys in the org for an org key, even for its owner', () => {
    expect([alice, bob, rita, mallory].map((p) => canManageKey(p, bobsOrg1Key))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canManageKey(alice, alicesOrg2Key)).toBe(false);
  });

  it('needs the management scope for key callers', () => {
    expect(
      [['completions'], ['billing'], ['management']].map((s) =>
        canManageKey(aliceKey(s), alicePersonal),
      ),
    ).toEqual([false, false, true]);
    expect(canManageKey(aliceKey(['management']), bobsOrg1Key)).toBe(true);
  });

  it('confines an org key caller to its own org', () => {
    const caller = aliceKey(['management'], 'org_1');
    expect([alicePersonal, bobsOrg1Key].map((k) => canManageKey(caller, k))).toEqual([false, true]);
    expect(canManageKey(aliceKey(['management'], 'org_2'), bobsOrg1Key)).toBe(false);
  });
});

describe('canManageKeyBinding', () => {
  it('follows canManageKey for users', () => {
    expect([alice, bob].map((p) => canManageKeyBinding(p, bobsOrg1Key))).toEqual([true, false]);
    expect(canManageKeyBinding(alice, alicePersonal)).toBe(true);
  });

  it('accepts billing or management key callers, not others', () => {
    expect(
      [['completions', 'skills'], ['billing'], ['management']].map((s) =>
        canManageKeyBinding(aliceKey(s), alicePersonal),
      ),
    ).toEqual([false, true, true]);
  });

  it('still needs access to the key', () => {
    expect(canManageKeyBinding(aliceKey(['billing'], 'org_1'), alicePersonal)).toBe(false);
    expect(canManageKeyBinding(mallory, bobsOrg1Key)).toBe(false);
  });
});

describe('canCreateKeyIn', () => {
  it('lets any user create personal keys', () => {
    expect([alice, bob, mallory].map((p) => canCreateKeyIn(p, null))).toEqual([true, true, true]);
  });

  it('needs manageApiKeys in the target org', () => {
    expect([alice, bob, rita, mallory].map((p) => canCreateKeyIn(p, 'org_1'))).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect(canCreateKeyIn(alice, 'org_2')).toBe(false);
  });

  it('needs the management scope for key callers', () => {
    expect(canCreateKeyIn(aliceKey(['billing']), null)).toBe(false);
    expect(canCreateKeyIn(aliceKey(['management']), null)).toBe(true);
    expect(canCreateKeyIn(aliceKey(['management']), 'org_1')).toBe(true);
  });

  it('confines an org key caller to its own org, without personal keys', () => {
    const caller = aliceKey(['management'], 'org_1');
    expect([null, 'org_1', 'org_2'].map((org) => canCreateKeyIn(caller, org))).toEqual([
      false,
      true,
      false,
    ]);
  });
});
