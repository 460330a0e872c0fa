import { KeyOwnershipFacts } from '@keyledger/domain';
import { alice, aliceKey, bob, mallory } from '@keyledger/domain/testing/principals';
import { auditCovers, mayReadAuditLog } from './audit-coverage';

const bobsOrg1Key: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'bob', org_id: 'org_1' };
const alicesOrg1Key: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'alice', org_id: 'org_1' };
const bobsOrg2Key: KeyOwnershipFacts = { scope: 'org', owner_user_id: 'bob', org_id: 'org_2' };
const alicesPersonal: KeyOwnershipFacts = {
  scope: 'personal',
  owner_user_id: 'alice',
  org_id: null,
};

describe('auditCovers', () => {
  it("gives an org's key administrators every key of the org", () => {
    expect(auditCovers(alice, bobsOrg1Key)).toBe(true);
  });

  it('gives a plain member only the keys they own', () => {
    expect(auditCovers(bob, bobsOrg1Key)).toBe(true);
    expect(auditCovers(bob, alicesOrg1Key)).toBe(false);
    // alice is a plain member of org_2.
    expect(auditCovers(alice, bobsOrg2Key)).toBe(false);
  });

  it('keeps personal keys to their owner and everything from other tenants', () => {
    expect(auditCovers(alice, alicesPersonal)).toBe(true);
    expect(auditCovers(bob, alicesPersonal)).toBe(false);
    expect(auditCovers(mallory, bobsOrg1Key)).toBe(false);
  });

  it('lets API keys read the log only with the management scope, within their own org', () => {
    expect(auditCovers(aliceKey(['completions'], 'org_1'), bobsOrg1Key)).toBe(false);
    expect(auditCovers(aliceKey(['management'], 'org_1'), bobsOrg1Key)).toBe(true);
    expect(auditCovers(aliceKey(['management'], 'org_1'), alicesPersonal)).toBe(false);
    expect(auditCovers(aliceKey(['management']), alicesPersonal)).toBe(true);
  });
});

describe('mayReadAuditLog', () => {
  it('admits users and management keys', () => {
    expect([alice, aliceKey(['management']), aliceKey(['billing'])].map(mayReadAuditLog)).toEqual([
      true,
      true,
      false,
    ]);
  });
});
