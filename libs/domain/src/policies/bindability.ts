import { DomainError } from '../shared/domain-error';
import { KeyOwnershipFacts } from './key-access';
import { PreferenceOwnershipFacts } from './preference-access';

/**
 * Whether a preference may be bound to a key: personal ↔ its author's personal keys, team ↔ its
 * org's keys. An org key belongs to its org, not to the member who created it: one member's
 * private settings must not steer the team's traffic, nor stay bound after they leave.
 */
export function isBindable(preference: PreferenceOwnershipFacts, key: KeyOwnershipFacts): boolean {
  if (preference.scope === 'personal') {
    return key.scope === 'personal' && key.owner_user_id === preference.author_user_id;
  }
  return key.org_id !== null && key.org_id === preference.org_id;
}

/** Throws `routing_preference_not_bindable` unless bindable; the message names no tenant's data. */
export function assertBindable(preference: PreferenceOwnershipFacts, key: KeyOwnershipFacts): void {
  if (isBindable(preference, key)) return;
  throw new DomainError(
    'routing_preference_not_bindable',
    preference.scope === 'personal'
      ? 'A personal routing preference can only be bound to personal keys of its author.'
      : 'A team routing preference can only be bound to keys of the same organization.',
  );
}
