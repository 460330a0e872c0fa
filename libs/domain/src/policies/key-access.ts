import { MANAGE_API_KEYS, OrgMembership, Principal } from '../shared/principal';

/** The parts of a key that decide who may see or manage it. */
export interface KeyOwnershipFacts {
  readonly scope: 'personal' | 'org';
  readonly owner_user_id: string;
  readonly org_id: string | null;
}

/** Orgs a principal may act in: an API key only in its own key's org. */
export function actingMemberships(principal: Principal): readonly OrgMembership[] {
  if (principal.kind === 'api_key' && principal.active_org_id !== null) {
    return principal.orgs.filter((org) => org.id === principal.active_org_id);
  }
  return principal.orgs;
}

function membership(principal: Principal, orgId: string | null): OrgMembership | undefined {
  return orgId === null ? undefined : actingMemberships(principal).find((org) => org.id === orgId);
}

/** Owner of a personal key, or a member of an org key's org. */
export function canSeeKey(principal: Principal, key: KeyOwnershipFacts): boolean {
  if (key.scope === 'personal') return key.owner_user_id === principal.user_id;
  return membership(principal, key.org_id) !== undefined;
}

function hasScope(principal: Principal, ...scopes: string[]): boolean {
  return principal.kind === 'user' || scopes.some((scope) => principal.scopes.includes(scope));
}

function administers(principal: Principal, key: KeyOwnershipFacts): boolean {
  if (key.scope === 'personal') return key.owner_user_id === principal.user_id;
  return membership(principal, key.org_id)?.permissions.includes(MANAGE_API_KEYS) ?? false;
}

/** Personal key: its owner. Org key: a member with manageApiKeys. Key callers need `management`. */
export function canManageKey(principal: Principal, key: KeyOwnershipFacts): boolean {
  return hasScope(principal, 'management') && administers(principal, key);
}

/** As canManageKey, but a key caller with the `billing` scope may also manage bindings. */
export function canManageKeyBinding(principal: Principal, key: KeyOwnershipFacts): boolean {
  return hasScope(principal, 'billing', 'management') && administers(principal, key);
}

/** Personal keys for oneself; org keys need manageApiKeys there. Key callers need `management`. */
export function canCreateKeyIn(principal: Principal, orgId: string | null): boolean {
  if (!hasScope(principal, 'management')) return false;
  return orgId === null || (membership(principal, orgId)?.permissions.includes(MANAGE_API_KEYS) ?? false);
}
