import { PreferenceOwnershipFacts } from '../policies/preference-access';
import { DefaultOwner } from './default-preference.events';

/** Whose default a preference with `is_default` becomes: its org's (team) or its author's (personal). */
export function defaultOwnerOf(preference: PreferenceOwnershipFacts): DefaultOwner {
  if (preference.scope === 'personal') return { kind: 'user', user_id: preference.author_user_id };
  if (preference.org_id === null) throw new Error('a team preference always has an org');
  return { kind: 'org', org_id: preference.org_id };
}
