import { KeyOwnership, ListKeysQuery } from '@keyledger/client';

/** Which states the list shows: the API hides disabled and revoked keys unless asked. */
export type StateFilter = 'active' | 'active-disabled' | 'all';

/** The keys table's filters, as the form holds them. */
export interface KeyFilters {
  readonly name: string;
  readonly state: StateFilter;
  readonly scope: '' | KeyOwnership;
  readonly org: string;
  readonly owner: string;
  /** Exactly this external id (the owner's id in the customer's systems). */
  readonly externalId: string;
}

/** A governance view starts with what can still authenticate or be turned back on. */
export const DEFAULT_KEY_FILTERS: KeyFilters = {
  name: '',
  state: 'active-disabled',
  scope: '',
  org: '',
  owner: '',
  externalId: '',
};

/** The list query the filters stand for; empty fields send nothing. */
export function keyListQuery(
  filters: KeyFilters,
  cursor: string | undefined,
  limit: number,
): ListKeysQuery {
  const text = (value: string) => (value.trim() === '' ? undefined : value.trim());
  return {
    name: text(filters.name),
    include_disabled: filters.state !== 'active',
    include_revoked: filters.state === 'all',
    scope: filters.scope === '' ? undefined : filters.scope,
    org_id: text(filters.org),
    owner: text(filters.owner),
    external_id: text(filters.externalId),
    cursor,
    limit,
  };
}
