import { Principal } from '@keyledger/domain';
import { KeyView } from '../../keys/key-view';

/** A personal key of alice's as the canonical API shows it, with any field changed. */
export const keyView = (changes: Partial<KeyView> = {}): KeyView => ({
  id: 'key-1',
  hash: 'a'.repeat(64),
  label: 'rk_0123…cdef',
  name: 'ci',
  scope: 'personal',
  owner_user_id: 'alice',
  org_id: null,
  scopes: ['completions', 'skills'],
  disabled: false,
  revoked: false,
  limit: 25,
  limit_reset: 'monthly',
  include_byok_in_limit: true,
  limit_remaining: 19.5,
  limit_window_end: '2026-02-01T00:00:00.000Z',
  plan_tier: 'premium',
  routing_preference_id: null,
  allowed_ips: [],
  rate_limits: [],
  alert_thresholds: [],
  metadata: {},
  external_id: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-02T00:00:00.000Z',
  expires_at: null,
  revoked_at: null,
  hash_scheme: 'native',
  imported: null,
  leak_reported_at: null,
  usage: 40,
  usage_daily: 1.5,
  usage_weekly: 3,
  usage_monthly: 5.5,
  byok_usage: 8,
  byok_usage_daily: 0.25,
  byok_usage_weekly: 0.5,
  byok_usage_monthly: 1,
  requests: 120,
  requests_daily: 3,
  requests_weekly: 9,
  requests_monthly: 30,
  last_used_at: '2026-01-15T00:00:00.000Z',
  ...changes,
});

/** Alice acting through a user session, with manageApiKeys in org_a. */
export const alice: Principal = {
  kind: 'user',
  user_id: 'alice',
  active_org_id: 'org_a',
  orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }],
  plan_tier: null,
};

/** One of alice's API keys with `scopes`; an org key of `orgId` when given. */
export const aliceKey = (scopes: string[], orgId: string | null = null): Principal => ({
  kind: 'api_key',
  key_id: 'key-0',
  user_id: 'alice',
  active_org_id: orgId,
  orgs: orgId === null ? [] : [{ id: orgId, permissions: ['manageApiKeys'] }],
  scopes,
  plan_tier: null,
});
