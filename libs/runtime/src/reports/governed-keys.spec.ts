import { KeyDocument } from '@keyledger/read-models';
import { KeyUsage, NO_USAGE } from '@keyledger/resolution';
import { governedKey } from './governed-keys';

const key = (changes: Partial<KeyDocument> = {}): KeyDocument => ({
  id: 'k1',
  hash: 'h1',
  previous_hash: null,
  previous_hash_valid_until: null,
  label: 'rk_1234…abcd',
  name: 'ci',
  scope: 'org',
  owner_user_id: 'alice',
  org_id: 'org_1',
  audience: 'org:org_1',
  org_permissions: [],
  scopes: ['completions'],
  disabled: false,
  disabled_reason: null,
  revoked: false,
  limit: 10,
  limit_reset: 'daily',
  include_byok_in_limit: false,
  limit_reset_at: null,
  plan_tier: null,
  routing_preference_id: null,
  has_routing_rules: false,
  routing_rules: null,
  allowed_ips: [],
  rate_limits: [],
  metadata: {},
  external_id: null,
  created_at: '2026-06-01T00:00:00.000Z',
  secret_issued_at: '2026-06-01T00:00:00.000Z',
  updated_at: '2026-06-01T00:00:00.000Z',
  expires_at: null,
  revoked_at: null,
  revoke_reason: null,
  ...changes,
});

const usage = (figures: Partial<KeyUsage>, remaining: number | null): KeyUsage => ({
  key_id: 'k1',
  ...NO_USAGE,
  limit: { limit: 10, remaining, reset: 'daily', window_end: null },
  ...figures,
});

describe('governedKey', () => {
  it('reads a key resolution never counted as unused', () => {
    expect(governedKey(key(), null)).toMatchObject({
      usage: 0,
      usage_daily: 0,
      last_used_at: null,
      limit: 10,
    });
  });

  it("takes the calendar figures and the last use from resolution's counters", () => {
    const counted = usage(
      { usage: 40, usage_weekly: 12, usage_monthly: 30, last_used_at: '2026-06-02T00:00:00.000Z' },
      10,
    );
    expect(governedKey(key({ limit: null, limit_reset: null }), counted)).toMatchObject({
      usage: 40,
      usage_weekly: 12,
      usage_monthly: 30,
      last_used_at: '2026-06-02T00:00:00.000Z',
    });
  });

  it("counts the limit's window from the last manual reset, as resolution enforces it", () => {
    // 8 credits used today, 2 of them since an admin reset the window.
    const counted = usage({ usage_daily: 8, usage: 8 }, 8);
    expect(governedKey(key(), counted)).toMatchObject({ usage_daily: 2, usage: 8 });
    const lifetime = usage({ usage_daily: 8, usage: 8 }, 3);
    expect(governedKey(key({ limit_reset: null }), lifetime)).toMatchObject({ usage: 7 });
  });

  it('shows the calendar usage once nothing remains, however far over the limit', () => {
    const counted = usage({ usage_daily: 12, usage: 12 }, 0);
    expect(governedKey(key(), counted)).toMatchObject({ usage_daily: 12 });
  });
});
