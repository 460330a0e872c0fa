import { toOpenRouterCurrentKey } from './openrouter-current-key';
import { keyView } from './testing/key-view';

describe('toOpenRouterCurrentKey', () => {
  it("answers OpenRouter's GET /key fields for a plain personal key", () => {
    expect(toOpenRouterCurrentKey(keyView())).toEqual({
      label: 'rk_0123…cdef',
      limit: 25,
      limit_remaining: 19.5,
      limit_reset: 'monthly',
      include_byok_in_limit: true,
      usage: 40,
      usage_daily: 1.5,
      usage_weekly: 3,
      usage_monthly: 5.5,
      byok_usage: 8,
      byok_usage_daily: 0.25,
      byok_usage_weekly: 0.5,
      byok_usage_monthly: 1,
      expires_at: null,
      creator_user_id: 'alice',
      organization_id: null,
      workspace_id: 'personal',
      is_free_tier: false,
      is_management_key: false,
      is_provisioning_key: false,
      allowed_data_regions: ['global'],
      free_model_daily_requests: { limit: 0, remaining: 0, used: 0 },
      rate_limit: { requests: -1, interval: '10s', note: expect.stringMatching(/deprecated/) },
    });
  });

  it('flags a management key under both of OpenRouter names for it', () => {
    const key = toOpenRouterCurrentKey(keyView({ scopes: ['management'] }));
    expect(key).toMatchObject({ is_management_key: true, is_provisioning_key: true });
  });

  it("names an org key's org as its organization and workspace", () => {
    const key = toOpenRouterCurrentKey(keyView({ scope: 'org', org_id: 'org_a' }));
    expect(key).toMatchObject({ organization_id: 'org_a', workspace_id: 'org_a' });
  });

  it('is on the free tier exactly when its plan tier is `free`', () => {
    expect(toOpenRouterCurrentKey(keyView({ plan_tier: 'free' })).is_free_tier).toBe(true);
    expect(toOpenRouterCurrentKey(keyView({ plan_tier: null })).is_free_tier).toBe(false);
  });
});
