import { FieldErrors } from '../shared/validation';
import { CreateKey } from './key.commands';
import { KeyOwnership } from './key.events';

/** Who a new key belongs to. */
export interface ResolvedOwnership {
  readonly scope: KeyOwnership;
  readonly org_id: string | null;
}

/**
 * SPEC §2's ownership rules for a new key: omitted scope means `org` when an org is named, else
 * `personal`; a personal key never carries an org (not even the active one); an org key takes the
 * named org, else the caller's active org. Records errors on `scope` / `org_id`.
 */
export function resolveKeyOwnership(
  errors: FieldErrors,
  command: Pick<CreateKey, 'scope' | 'org_id' | 'active_org_id'>,
): ResolvedOwnership {
  const named = command.org_id ?? null;
  const scope = command.scope ?? (named !== null ? 'org' : 'personal');
  if (scope === 'personal') {
    if (named !== null) errors.add('org_id', 'must not be given for a personal key');
    return { scope, org_id: null };
  }
  if (scope !== 'org') {
    errors.add('scope', 'must be personal or org');
    return { scope: 'personal', org_id: null };
  }
  const org_id = named ?? command.active_org_id;
  if (org_id === null)
    errors.add('org_id', 'is required for an org key when the caller has no active organization');
  return { scope, org_id };
}
