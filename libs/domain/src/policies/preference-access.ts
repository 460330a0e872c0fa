import { MANAGE_ROUTING, Principal } from '../shared/principal';
import { actingMemberships } from './key-access';

/** The parts of a preference that decide who may see or manage it. */
export interface PreferenceOwnershipFacts {
  readonly scope: 'personal' | 'team';
  readonly author_user_id: string;
  readonly org_id: string | null;
}

function teamMembership(principal: Principal, orgId: string | null) {
  return orgId === null ? undefined : actingMemberships(principal).find((org) => org.id === orgId);
}

/** Personal: its author. Team: members of its org. */
export function canSeePreference(principal: Principal, preference: PreferenceOwnershipFacts): boolean {
  if (preference.scope === 'personal') return preference.author_user_id === principal.user_id;
  return teamMembership(principal, preference.org_id) !== undefined;
}

/** Personal: its author. Team: members with manageRouting. Key callers need billing or management. */
export function canManagePreference(principal: Principal, preference: PreferenceOwnershipFacts): boolean {
  if (principal.kind === 'api_key' && !principal.scopes.some((s) => s === 'billing' || s === 'management')) return false;
  if (preference.scope === 'personal') return preference.author_user_id === principal.user_id;
  return teamMembership(principal, preference.org_id)?.permissions.includes(MANAGE_ROUTING) ?? false;
}
