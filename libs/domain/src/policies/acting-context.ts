import { OrgMembership, Principal } from '../shared/principal';

/** Whether the principal may act on its owner's personal things: an org key's caller may not. */
export const actsPersonally = (principal: Principal): boolean =>
  principal.kind === 'user' || principal.active_org_id === null;

/** Whether the principal may act in `orgId` at all: an org key's caller only in its own org. */
export const mayActIn = (principal: Principal, orgId: string): boolean =>
  actsPersonally(principal) || principal.active_org_id === orgId;

/** The memberships the principal may act in: all of a user's or personal key's; an org key's own org only. */
export const actingMemberships = (principal: Principal): readonly OrgMembership[] =>
  actsPersonally(principal)
    ? principal.orgs
    : principal.orgs.filter((org) => org.id === principal.active_org_id);

/** The principal's membership in `orgId`, if it has one and may act there. */
export const actingMembership = (
  principal: Principal,
  orgId: string | null,
): OrgMembership | undefined => actingMemberships(principal).find((org) => org.id === orgId);

/** Whether the principal may act in `orgId` and holds `permission` there. */
export const holdsPermission = (
  principal: Principal,
  orgId: string | null,
  permission: string,
): boolean => actingMembership(principal, orgId)?.permissions.includes(permission) ?? false;

/** Users pass; key callers need at least one of `scopes`. */
export const keyCallerHasScope = (principal: Principal, ...scopes: readonly string[]): boolean =>
  principal.kind === 'user' || scopes.some((scope) => principal.scopes.includes(scope));
