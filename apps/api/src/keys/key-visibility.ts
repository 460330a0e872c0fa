import { actingMemberships, actsPersonally, Principal } from '@keyledger/domain';
import { Audience, orgAudience, userAudience } from '@keyledger/read-models';

/**
 * The key audiences a principal can see, as `canSeeKey` decides: its personal keys (unless it
 * is an org key's caller) and the org keys of the orgs it acts in. One indexed `in` query
 * lists them all.
 */
export function visibleAudiences(principal: Principal): Audience[] {
  const personal = actsPersonally(principal) ? [userAudience(principal.user_id)] : [];
  return [...personal, ...actingMemberships(principal).map((org) => orgAudience(org.id))];
}
