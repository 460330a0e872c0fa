import {
  canCreatePreferenceIn,
  canManagePreference,
  canSeePreference,
  PreferenceOwnershipFacts,
} from './preference-access';
import { alice, aliceKey, bob, mallory, rita } from '../testing/principals';

const team: PreferenceOwnershipFacts = { scope: 'team', author_user_id: 'bob', org_id: 'org_1' };
const bobsPersonal: PreferenceOwnershipFacts = {
  scope: 'personal',
  author_user_id: 'bob',
  org_id: null,
};
const alicesPersonal: PreferenceOwnershipFacts = {
  scope: 'personal',
  author_user_id: 'alice',
  org_id: null,
};

describe('canSeePreference', () => {
  it('shows a team preference to the members of its org', () => {
    expect([alice, bob, rita, mallory].map((p) => canSeePreference(p, team))).toEqual([
      true,
      true,
      true,
      false,
    ]);
  });

  it('shows a personal preference to its author only', () => {
    expect([bob, alice].map((p) => canSeePreference(p, bobsPersonal))).toEqual([true, false]);
  });

  it('confines an org key caller to its org', () => {
    expect(canSeePreference(aliceKey(['completions'], 'org_1'), team)).toBe(true);
    expect(canSeePreference(aliceKey(['completions'], 'org_2'), team)).toBe(false);
    expect(canSeePreference(aliceKey(['completions'], 'org_1'), alicesPersonal)).toBe(false);
    expect(canSeePreference(aliceKey(['completions']), alicesPersonal)).toBe(true);
  });
});

describe('canManagePreference', () => {
  it('needs manageRouting in the org for a team preference, even for its author', () => {
    expect([alice, bob, rita, mallory].map((p) => canManagePreference(p, team))).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('lets only the author manage a personal preference', () => {
    expect([bob, alice].map((p) => canManagePreference(p, bobsPersonal))).toEqual([true, false]);
  });

  it('needs billing or management for key callers', () => {
    expect(
      [['completions'], ['billing'], ['management']].map((s) =>
        canManagePreference(aliceKey(s), alicesPersonal),
      ),
    ).toEqual([false, true, true]);
    expect(canManagePreference(aliceKey(['billing'], 'org_1'), team)).toBe(true);
    expect(canManagePreference(aliceKey(['billing'], 'org_1'), alicesPersonal)).toBe(false);
  });
});

describe('canCreatePreferenceIn', () => {
  it('lets users create personal preferences', () => {
    expect([alice, bob].map((p) => canCreatePreferenceIn(p, 'personal', null))).toEqual([
      true,
      true,
    ]);
  });

  it('needs manageRouting in the active org for team preferences', () => {
    expect(
      [alice, bob, rita, mallory].map((p) => canCreatePreferenceIn(p, 'team', 'org_1')),
    ).toEqual([true, false, true, false]);
    expect(canCreatePreferenceIn(alice, 'team', null)).toBe(false);
  });
});
