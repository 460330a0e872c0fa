import { KeyCreated, KeyRenamed } from '@keyledger/domain';

/** A personal key's creation, with any field changed. */
export const keyCreated = (
  key_id: string,
  changes: Partial<KeyCreated['data']> = {},
): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    key_id,
    hash: `hash-${key_id}`,
    label: 'rk_0123…cdef',
    name: `Key ${key_id}`,
    scope: 'personal',
    owner_user_id: 'user_1',
    org_id: null,
    org_permissions: [],
    scopes: ['completions'],
    limit: null,
    limit_reset: null,
    include_byok_in_limit: false,
    plan_tier: 'free',
    expires_at: null,
    created_at: '2026-01-01T00:00:00.000Z',
    ...changes,
  },
});

/** A key's new name. */
export const keyRenamed = (
  key_id: string,
  name: string,
  previous_name = `Key ${key_id}`,
): KeyRenamed => ({
  type: 'KeyRenamed',
  data: { key_id, name, previous_name, renamed_at: '2026-01-01T00:00:00.000Z' },
});
