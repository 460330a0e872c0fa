import { DomainError } from '@keyledger/domain';
import { liveKey, toOpenRouterKey, workspaceOf } from './openrouter-key';
import { keyView } from './testing/key-view';

describe('toOpenRouterKey', () => {
  it("names every field as OpenRouter's key object does", () => {
    expect(toOpenRouterKey(keyView({ expires_at: '2027-01-01T00:00:00.000Z' }))).toEqual({
      hash: 'a'.repeat(64),
      name: 'ci',
      label: 'rk_0123…cdef',
      disabled: false,
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
      created_at: '2026-01-01T00:00:00.000Z',
      updated_at: '2026-01-02T00:00:00.000Z',
      expires_at: '2027-01-01T00:00:00.000Z',
      creator_user_id: 'alice',
      external_user: null,
      workspace_id: 'personal',
    });
  });

  it('keeps unlimited keys unlimited', () => {
    const key = toOpenRouterKey(keyView({ limit: null, limit_remaining: null, limit_reset: null }));
    expect(key).toMatchObject({ limit: null, limit_remaining: null, limit_reset: null });
  });

  it('shows nothing keyledger-only: no id, scopes, request counts or secret', () => {
    const key = toOpenRouterKey(keyView());
    const keyledgerOnly = [
      'id',
      'scope',
      'scopes',
      'owner_user_id',
      'revoked',
      'requests',
      'secret',
    ];
    for (const field of keyledgerOnly) {
      expect(key).not.toHaveProperty(field);
    }
  });
});

describe('workspaceOf', () => {
  it("is an org key's org, and `personal` for a personal key", () => {
    expect(workspaceOf(keyView({ scope: 'org', org_id: 'org_a' }))).toBe('org_a');
    expect(workspaceOf(keyView())).toBe('personal');
  });
});

describe('liveKey', () => {
  it('passes a key that is not revoked', () => {
    const key = keyView({ disabled: true });
    expect(liveKey(key)).toBe(key);
  });

  it('treats a revoked key as missing: OpenRouter has deleted it', () => {
    const revoked = keyView({ revoked: true, revoked_at: '2026-02-01T00:00:00.000Z' });
    expect(() => liveKey(revoked)).toThrow(new DomainError('not_found', 'Key not found.'));
  });
});
