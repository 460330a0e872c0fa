import { alice, aliceKey, mallory } from '../testing/principals';
import {
  actingMembership,
  actingMemberships,
  actsPersonally,
  holdsPermission,
  keyCallerHasScope,
  mayActIn,
} from './acting-context';

describe('acting context', () => {
  it('lets users and personal key callers act personally and in all their orgs', () => {
    for (const principal of [alice, aliceKey(['completions'])]) {
      expect(actsPersonally(principal)).toBe(true);
      expect(actingMemberships(principal).map((org) => org.id)).toEqual(['org_1', 'org_2']);
      expect(mayActIn(principal, 'org_elsewhere')).toBe(true);
    }
  });

  it('confines an org key caller to its own org, and to nothing personal', () => {
    const caller = aliceKey(['management'], 'org_2');
    expect(actsPersonally(caller)).toBe(false);
    expect(actingMemberships(caller).map((org) => org.id)).toEqual(['org_2']);
    expect([mayActIn(caller, 'org_2'), mayActIn(caller, 'org_1')]).toEqual([true, false]);
    expect(actingMembership(caller, 'org_1')).toBeUndefined();
  });

  it('finds a membership only in an org the principal belongs to', () => {
    expect(actingMembership(alice, 'org_1')?.permissions).toContain('manageApiKeys');
    expect(actingMembership(mallory, 'org_1')).toBeUndefined();
    expect(actingMembership(alice, null)).toBeUndefined();
  });

  it('checks a permission in an org', () => {
    expect(holdsPermission(alice, 'org_1', 'manageApiKeys')).toBe(true);
    expect(holdsPermission(alice, 'org_2', 'manageApiKeys')).toBe(false);
    expect(holdsPermission(aliceKey(['management'], 'org_2'), 'org_1', 'manageApiKeys')).toBe(
      false,
    );
  });

  it('holds users to no key scope, key callers to one of the named scopes', () => {
    expect(keyCallerHasScope(alice, 'management')).toBe(true);
    expect(keyCallerHasScope(aliceKey(['billing']), 'billing', 'management')).toBe(true);
    expect(keyCallerHasScope(aliceKey(['completions']), 'billing', 'management')).toBe(false);
  });
});
