import { MANAGE_ROUTING, Principal } from '../shared/principal';
import {
  actingMembership,
  actsPersonally,
  holdsPermission,
  keyCallerHasScope,
} from './acting-context';
import { PreferenceScope } from '../routing-preferences/routing-preference.events';

/** The parts of a preference that decide who may see, manage or bind it. */
export interface PreferenceOwnershipFacts {
  readonly scope: PreferenceScope;
  readonly author_user_id: string;
  readonly org_id: string | null;
}

const authoredBy = (principal: Principal, preference: PreferenceOwnershipFacts): boolean =>
  actsPersonally(principal) && preference.author_user_id === principal.user_id;

/** Personal: its author. Team: members of its org. */
export function canSeePreference(
  principal: Principal,
  preference: PreferenceOwnershipFacts,
): boolean {
  if (preference.scope === 'personal') return authoredBy(principal, preference);
  return actingMembership(principal, preference.org_id) !== undefined;
}

/** Personal: its author. Team: members with manageRouting. Key callers need `billing` or `management`. */
export function canManagePreference(
  principal: Principal,
  preference: PreferenceOwnershipFacts,
): boolean {
  if (!keyCallerHasScope(principal, 'billing', 'management')) return false;
  if (preference.scope === 'personal') return authoredBy(principal, preference);
  return holdsPermission(principal, preference.org_id, MANAGE_ROUTING);
}

/** Whether the principal may create a preference of this scope (team: in `orgId`, its active org). */
export const canCreatePreferenceIn = (
  principal: Principal,
  scope: PreferenceScope,
  orgId: string | null,
): boolean =>
  canManagePreference(principal, {
    scope,
    author_user_id: principal.user_id,
    org_id: scope === 'team' ? orgId : null,
  });
