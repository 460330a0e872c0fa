import { MANAGE_API_KEYS, Principal } from '../shared/principal';
import { actingMembership, holdsPermission, keyCallerHasScope } from './acting-context';

/** Members of the org read its key policy; key callers also need `management` (SPEC §1). */
export const canReadOrgKeyPolicy = (principal: Principal, orgId: string): boolean =>
  keyCallerHasScope(principal, 'management') && actingMembership(principal, orgId) !== undefined;

/** Setting it needs manageApiKeys in the org, as managing its keys does. */
export const canSetOrgKeyPolicy = (principal: Principal, orgId: string): boolean =>
  keyCallerHasScope(principal, 'management') && holdsPermission(principal, orgId, MANAGE_API_KEYS);
