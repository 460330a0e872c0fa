// Key histories for the decider and policy specs: one KeyCreated shape, varied per spec.
import { KeyCreated } from '../keys/key.events';

/** When the sample keys are created, unless a spec says otherwise. */
export const KEY_CREATED_AT = '2026-11-23T10:00:00.000Z';

/** A personal key `k1` of `u1` with the default scopes, as created; `data` overrides any field. */
export const keyCreated = (data: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    key_id: 'k1',
    hash: 'h1',
    label: 'rk_0123…cdef',
    owner_user_id: 'u1',
    plan_tier: null,
    name: 'ci',
    scope: 'personal',
    org_id: null,
    org_permissions: [],
    scopes: ['completions', 'skills'],
    limit: null,
    limit_reset: null,
    include_byok_in_limit: false,
    expires_at: null,
    created_at: KEY_CREATED_AT,
    ...data,
  },
});

/** As keyCreated, for an org key of `org_1` made by one who could manage its keys. */
export const orgKeyCreated = (data: Partial<KeyCreated['data']> = {}): KeyCreated =>
  keyCreated({ scope: 'org', org_id: 'org_1', org_permissions: ['manageApiKeys'], ...data });
