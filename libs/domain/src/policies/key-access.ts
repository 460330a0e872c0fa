import { MANAGE_API_KEYS, Principal } from '../shared/principal';
import {
  actingMembership,
  actsPersonally,
  holdsPermission,
  keyCallerHasScope,
  mayActIn,
} from './acting-context';

/** The parts of a key that decide who may see or manage it (a KeyFacts or a read model document). */
export interface KeyOwnershipFacts {
  readonly scope: 'personal' | 'org';
  readonly owner_user_id: string;
  readonly org_id: string | null;
}

const owns = (principal: Principal, key: KeyOwnershipFacts): boolean =>
  key.owner_user_id === principal.user_id;

/**
 * Its owner, or a member of an org key's org (SPEC §2). An org key's caller sees only keys of its
 * own org; a personal key's caller sees what its owner sees.
 */
export function canSeeKey(principal: Principal, key: KeyOwnershipFacts): boolean {
  if (key.scope === 'personal' || key.org_id === null)
    return actsPersonally(principal) && owns(principal, key);
  return (
    mayActIn(principal, key.org_id) &&
    (owns(principal, key) || actingMembership(principal, key.org_id) !== undefined)
  );
}

function administers(principal: Principal, key: KeyOwnershipFacts): boolean {
  if (key.scope === 'personal') return actsPersonally(principal) && owns(principal, key);
  return holdsPermission(principal, key.org_id, MANAGE_API_KEYS);
}

/** Personal key: its owner. Org key: a member with manageApiKeys. Key callers also need `management`. */
export const canManageKey = (principal: Principal, key: KeyOwnershipFacts): boolean =>
  keyCallerHasScope(principal, 'management') && administers(principal, key);

/** As canManageKey, but a key caller needs `billing` or `management`. */
export const canManageKeyBinding = (principal: Principal, key: KeyOwnershipFacts): boolean =>
  keyCallerHasScope(principal, 'billing', 'management') && administers(principal, key);

/** Personal keys (`orgId` null) for oneself; org keys need manageApiKeys there. Key callers need `management`. */
export function canCreateKeyIn(principal: Principal, orgId: string | null): boolean {
  if (!keyCallerHasScope(principal, 'management')) return false;
  return orgId === null
    ? actsPersonally(principal)
    : holdsPermission(principal, orgId, MANAGE_API_KEYS);
}
