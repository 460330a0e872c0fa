// Sample principals for the policy specs: the same cast everywhere, so tables stay readable.
import { OrgMembership, Principal } from '../shared/principal';

const user = (user_id: string, orgs: readonly OrgMembership[]): Principal => ({
  kind: 'user',
  user_id,
  active_org_id: orgs[0]?.id ?? null,
  orgs,
  plan_tier: null,
});

/** Admin of org_1 (manageApiKeys + manageRouting), plain member of org_2. */
export const alice = user('alice', [
  { id: 'org_1', permissions: ['manageApiKeys', 'manageRouting'] },
  { id: 'org_2', permissions: [] },
]);
/** Plain member of org_1. */
export const bob = user('bob', [{ id: 'org_1', permissions: [] }]);
/** Member of org_1 who may manage routing but not keys. */
export const rita = user('rita', [{ id: 'org_1', permissions: ['manageRouting'] }]);
/** Admin of an unrelated org. */
export const mallory = user('mallory', [
  { id: 'org_9', permissions: ['manageApiKeys', 'manageRouting'] },
]);

/** A key of alice's calling: personal (`org` null) or confined to its org. */
export const aliceKey = (scopes: readonly string[], org: string | null = null): Principal => ({
  kind: 'api_key',
  key_id: 'k_alice',
  user_id: 'alice',
  active_org_id: org,
  orgs: alice.orgs,
  scopes,
  plan_tier: null,
});
