import {
  canCreateKeyIn,
  canSeeKey,
  keyCallerHasScope,
  KeyOwnershipFacts,
  Principal,
} from '@keyledger/domain';

/**
 * Whether the caller may read the audit log at all: users may; API keys need the `management`
 * scope, since the log is an administrator's view (actors, addresses, reasons), not inference data.
 */
export const mayReadAuditLog = (principal: Principal): boolean =>
  keyCallerHasScope(principal, 'management');

/**
 * Whether a key's entries belong in the caller's audit log: a key they can see and either own,
 * or that belongs to an org where they may administer keys (manageApiKeys). Plain members of an
 * org thus see the trail of their own keys there, not of everyone's; a single key's history
 * (`GET /keys/{id}/history`) follows key visibility instead, like `GET /keys/{id}`.
 */
export function auditCovers(principal: Principal, key: KeyOwnershipFacts): boolean {
  if (!mayReadAuditLog(principal) || !canSeeKey(principal, key)) return false;
  if (key.owner_user_id === principal.user_id) return true;
  return key.org_id !== null && canCreateKeyIn(principal, key.org_id);
}
