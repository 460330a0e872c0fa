import { LimitReset } from '@keyledger/domain';
import { Resolved, ResolveOutcome } from './resolve-outcome';
import { hashOf, ResolutionHarness, secretOf, testSettings } from './testing';

const T = '2026-03-10T12:00:00.000Z'; // a Tuesday
const at = (iso: string): Date => new Date(iso);

const admitted = (outcome: ResolveOutcome): Resolved => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome;
};

/** A harness with key k1 created with these settings. */
const withKey = (overrides: Parameters<ResolutionHarness['createKey']>[1] = {}) => {
  const harness = new ResolutionHarness();
  harness.createKey(1, overrides);
  return harness;
};

describe('Resolver.resolve', () => {
  describe('invalid_api_key (401)', () => {
    it.each([
      ['a wrong prefix', `sk_${'0'.repeat(63)}1`],
      ['upper-case hex', `rk_${'0'.repeat(63)}A`],
      ['a short secret', 'rk_0001'],
      ['nothing', ''],
    ])('refuses %s before hashing', (_, secret) => {
      expect(withKey().resolver.resolve({ secret }, at(T))).toMatchObject({
        ok: false,
        code: 'invalid_api_key',
        status: 401,
        retry_after: null,
      });
    });

    it('refuses a well-formed secret no key has', () => {
      expect(withKey().resolver.resolve({ secret: secretOf(2) }, at(T))).toMatchObject({
        code: 'invalid_api_key',
      });
    });

    it('refuses a revoked key like an unknown one', () => {
      const harness = withKey();
      harness.changeKey(1, { type: 'KeyRevoked', data: { reason: null, revoked_at: T } });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'invalid_api_key',
        message: 'The API key is not valid.',
      });
    });
  });

  it('answers key_disabled (403) until the key is enabled again', () => {
    const harness = withKey();
    harness.changeKey(1, { type: 'KeyDisabled', data: { reason: 'leak', disabled_at: T } });
    expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
      code: 'key_disabled',
      status: 403,
    });
    harness.changeKey(1, { type: 'KeyEnabled', data: { enabled_at: T } });
    expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(true);
  });

  it('answers key_expired (401) from the expiry instant on, before key_disabled', () => {
    const harness = withKey({ expires_at: '2026-03-10T12:00:00.000Z' });
    expect(harness.resolve({ secret: secretOf(1) }, at('2026-03-10T11:59:59.999Z')).ok).toBe(true);
    harness.changeKey(1, { type: 'KeyDisabled', data: { reason: null, disabled_at: T } });
    expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
      code: 'key_expired',
      status: 401,
    });
  });

  it('follows an expiry moved by KeyExpirySet', () => {
    const harness = withKey({ expires_at: '2026-03-10T00:00:00.000Z' });
    harness.changeKey(1, { type: 'KeyExpirySet', data: { expires_at: null, changed_at: T } });
    expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(true);
  });

  describe('insufficient_scope (403)', () => {
    it('needs `completions` when no scope is asked for', () => {
      const harness = withKey({ scopes: ['skills'] });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'insufficient_scope',
        status: 403,
      });
      expect(harness.resolve({ secret: secretOf(1), scope: 'skills' }, at(T)).ok).toBe(true);
    });

    it('refuses a management-only key', () => {
      const harness = withKey({ scopes: ['management'] });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'insufficient_scope',
      });
    });

    it('never resolves for the management scope, even on a key that carries it', () => {
      const harness = withKey({ scopes: ['completions', 'management'] });
      const secret = secretOf(1);
      expect(harness.resolve({ secret, scope: 'management' }, at(T))).toMatchObject({
        code: 'insufficient_scope',
      });
      expect(harness.resolve({ secret }, at(T)).ok).toBe(true);
    });
  });

  describe('model_not_allowed (403)', () => {
    it('refuses a model outside the key’s tier and admits one inside it', () => {
      const harness = withKey({ plan_tier: 'free' });
      const secret = secretOf(1);
      expect(harness.resolve({ secret, model: 'openai/gpt-4o' }, at(T))).toMatchObject({
        code: 'model_not_allowed',
        status: 403,
      });
      expect(harness.resolve({ secret, model: 'meta/llama-3-free' }, at(T)).ok).toBe(true);
    });

    it('applies the default tier to a key whose tier the catalog lacks', () => {
      const harness = withKey({ plan_tier: 'enterprise' });
      const outcome = harness.resolve({ secret: secretOf(1), model: 'openai/gpt-4o' }, at(T));
      expect(outcome).toMatchObject({ code: 'model_not_allowed' });
      expect(admitted(harness.resolve({ secret: secretOf(1) }, at(T))).key.plan_tier).toBe('free');
    });
  });

  describe('limit_exceeded (429)', () => {
    it('refuses once usage reaches the limit, retrying at the window end', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily' });
      const secret = secretOf(1);
      admitted(harness.resolve({ secret }, at(T)));
      harness.resolver.recordUsage({ secret, cost: 1 }, at(T));
      expect(harness.resolve({ secret }, at(T))).toMatchObject({
        code: 'limit_exceeded',
        status: 429,
        retry_after: 12 * 3600,
      });
    });

    it('gives no retry time for a limit that never resets', () => {
      const harness = withKey({ limit: 0 });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'limit_exceeded',
        retry_after: null,
      });
    });

    it('admits while usage is below the limit, even if the last cost ends above it', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily' });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 0.99 }, at(T));
      expect(admitted(harness.resolve({ secret }, at(T))).limit).toEqual({
        limit: 1,
        remaining: 0.01,
        reset: 'daily',
        window_end: '2026-03-11T00:00:00.000Z',
      });
      expect(harness.resolver.recordUsage({ secret, cost: 0.5 }, at(T))).toMatchObject({
        ok: true,
        limit: { remaining: 0 },
      });
      expect(harness.resolve({ secret }, at(T))).toMatchObject({ code: 'limit_exceeded' });
    });
  });

  describe('request_limit_exceeded (429)', () => {
    it('caps a user’s requests per minute across all their keys', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, { plan_tier: 'free' });
      harness.createKey(2, { plan_tier: 'free' });
      harness.createKey(3, { plan_tier: 'free', owner_user_id: 'u2' });
      for (let i = 0; i < 5; i++) {
        admitted(harness.resolve({ secret: secretOf(1 + (i % 2)) }, at(T)));
      }
      expect(harness.resolve({ secret: secretOf(2) }, at('2026-03-10T12:00:45Z'))).toMatchObject({
        code: 'request_limit_exceeded',
        status: 429,
        retry_after: 15,
      });
      expect(harness.resolve({ secret: secretOf(3) }, at(T)).ok).toBe(true);
      expect(harness.resolve({ secret: secretOf(1) }, at('2026-03-10T12:01:00Z')).ok).toBe(true);
    });

    it('does not count refused requests', () => {
      const harness = withKey({ plan_tier: 'free' });
      const secret = secretOf(1);
      for (let i = 0; i < 10; i++) harness.resolve({ secret, model: 'paid' }, at(T));
      expect(harness.resolve({ secret }, at(T)).ok).toBe(true);
    });
  });

  describe('success', () => {
    it('returns the key, its routing and its limit state, and counts the request', () => {
      const harness = withKey({ org_id: 'org_1', scope: 'org', limit: 10, limit_reset: 'monthly' });
      const outcome = admitted(
        harness.resolve({ secret: secretOf(1), model: 'openai/gpt-4o' }, at(T)),
      );
      expect(outcome.key).toEqual({
        id: 'k1',
        owner_user_id: 'u1',
        org_id: 'org_1',
        scopes: ['completions', 'skills'],
        plan_tier: 'max',
        metadata: {},
        external_id: null,
      });
      expect(outcome.routing).toMatchObject({ key_id: 'k1', source: 'none' });
      expect(outcome.limit).toEqual({
        limit: 10,
        remaining: 10,
        reset: 'monthly',
        window_end: '2026-04-01T00:00:00.000Z',
      });
      expect(harness.resolver.usage('k1', at(T))).toMatchObject({
        requests: 1,
        requests_daily: 1,
        last_used_at: T,
      });
    });
  });

  describe('answers shared per key version', () => {
    it('gives a key without limits one frozen answer, until an event changes the key', () => {
      const harness = withKey();
      const first = admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toBe(first);
      expect(Object.isFrozen(first) && Object.isFrozen(first.key)).toBe(true);
      harness.changeKey(1, {
        type: 'KeyMetadataSet',
        data: { metadata: { team: 'search' }, reason: null, changed_at: T },
      });
      const changed = admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(changed.key.metadata).toEqual({ team: 'search' });
      expect(harness.resolver.usage('k1', at(T))).toMatchObject({ requests: 3 });
    });

    it('builds a limited key’s limit state per request around its shared key view', () => {
      const harness = withKey({ limit: 10, limit_reset: 'daily' });
      const first = admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      harness.resolver.recordUsage({ secret: secretOf(1), cost: 4 }, at(T));
      const second = admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(second).not.toBe(first);
      expect(second.key).toBe(first.key);
      expect([first.limit.remaining, second.limit.remaining]).toEqual([10, 6]);
    });
  });

  describe('rotation grace', () => {
    const rotate = (harness: ResolutionHarness, validUntil: string | null) =>
      harness.changeKey(1, {
        type: 'KeySecretRotated',
        data: {
          hash: hashOf(9),
          label: 'rk_0000…0009',
          previous_hash: hashOf(1),
          previous_valid_until: validUntil,
          rotated_at: T,
        },
      });

    it('accepts the previous secret until its grace ends, and the new one throughout', () => {
      const harness = withKey();
      rotate(harness, '2026-03-10T13:00:00.000Z');
      expect(harness.resolve({ secret: secretOf(1) }, at('2026-03-10T12:59:59.999Z')).ok).toBe(
        true,
      );
      expect(
        harness.resolve({ secret: secretOf(1) }, at('2026-03-10T13:00:00.000Z')),
      ).toMatchObject({ code: 'invalid_api_key' });
      expect(harness.resolve({ secret: secretOf(9) }, at('2026-03-10T13:00:00.000Z')).ok).toBe(
        true,
      );
    });

    it('refuses the previous secret at once without a grace period, or once revoked', () => {
      const harness = withKey();
      rotate(harness, null);
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'invalid_api_key',
      });
      const graced = withKey();
      rotate(graced, '2026-03-11T00:00:00.000Z');
      graced.changeKey(1, { type: 'KeyRevoked', data: { reason: null, revoked_at: T } });
      expect(graced.resolver.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'invalid_api_key',
      });
    });
  });
});

describe('Resolver limits', () => {
  describe('window boundaries (UTC)', () => {
    it.each<[string, LimitReset, string, string]>([
      ['end of day', 'daily', '2026-03-10T23:59:59.999Z', '2026-03-11T00:00:00.000Z'],
      ['Sunday → Monday', 'weekly', '2026-03-15T23:59:59.999Z', '2026-03-16T00:00:00.000Z'],
      ['Feb 28 → Mar 1 (2026)', 'monthly', '2026-02-28T23:59:59.999Z', '2026-03-01T00:00:00.000Z'],
      [
        'Feb 29 → Mar 1 (2028, leap)',
        'monthly',
        '2028-02-29T23:59:59.999Z',
        '2028-03-01T00:00:00.000Z',
      ],
      ['Apr 30 → May 1', 'monthly', '2026-04-30T23:59:59.999Z', '2026-05-01T00:00:00.000Z'],
      ['Dec 31 → Jan 1 (day)', 'daily', '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z'],
      ['Dec 31 → Jan 1 (month)', 'monthly', '2026-12-31T23:59:59.999Z', '2027-01-01T00:00:00.000Z'],
    ])('%s: spent up to the last instant, fresh from the first', (_, reset, last, next) => {
      const harness = withKey({ limit: 1, limit_reset: reset });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 1 }, at(last));
      expect(harness.resolve({ secret }, at(last))).toMatchObject({
        code: 'limit_exceeded',
        retry_after: 1,
      });
      const fresh = admitted(harness.resolve({ secret }, at(next)));
      expect(fresh.limit.remaining).toBe(1);
      expect(Date.parse(fresh.limit.window_end ?? '')).toBeGreaterThan(Date.parse(next));
    });

    it.each<[string, LimitReset, string, string]>([
      [
        'Feb 28 → Feb 29 in a leap year',
        'monthly',
        '2028-02-28T23:59:59.999Z',
        '2028-02-29T00:00:00.000Z',
      ],
      [
        'Dec 31 → Jan 1 inside one ISO week',
        'weekly',
        '2026-12-31T23:59:59.999Z',
        '2027-01-01T00:00:00.000Z',
      ],
      ['Saturday → Sunday', 'weekly', '2026-03-14T23:59:59.999Z', '2026-03-15T00:00:00.000Z'],
    ])('%s: the window goes on', (_, reset, last, next) => {
      const harness = withKey({ limit: 1, limit_reset: reset });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 1 }, at(last));
      expect(harness.resolve({ secret }, at(next))).toMatchObject({
        code: 'limit_exceeded',
      });
    });

    it('rolls each reported window on its own boundary', () => {
      const harness = withKey();
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 2 }, at('2026-02-28T23:59:59.999Z')); // Saturday
      const figures = (iso: string) => harness.resolver.usage('k1', at(iso));
      expect(figures('2026-02-28T23:59:59.999Z')).toMatchObject({
        usage: 2,
        usage_daily: 2,
        usage_weekly: 2,
        usage_monthly: 2,
      });
      expect(figures('2026-03-01T00:00:00.000Z')).toMatchObject({
        usage: 2,
        usage_daily: 0,
        usage_weekly: 2,
        usage_monthly: 0,
      });
      expect(figures('2026-03-02T00:00:00.000Z')).toMatchObject({
        usage: 2,
        usage_weekly: 0,
      });
    });
  });

  describe('BYOK', () => {
    it('reports BYOK usage apart and leaves it out of the limit by default', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily' });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 5, byok: true }, at(T));
      expect(admitted(harness.resolve({ secret }, at(T))).limit.remaining).toBe(1);
      expect(harness.resolver.usage('k1', at(T))).toMatchObject({
        usage: 0,
        byok_usage: 5,
        byok_usage_daily: 5,
        byok_usage_weekly: 5,
        byok_usage_monthly: 5,
      });
    });

    it('counts BYOK usage toward the limit when the key includes it', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily', include_byok_in_limit: true });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 1, byok: true }, at(T));
      expect(harness.resolve({ secret }, at(T))).toMatchObject({ code: 'limit_exceeded' });
    });

    it('applies a changed include_byok_in_limit to the usage already counted', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily' });
      const secret = secretOf(1);
      harness.resolver.recordUsage({ secret, cost: 1, byok: true }, at(T));
      harness.changeKey(1, {
        type: 'KeyLimitSet',
        data: { limit: 1, limit_reset: 'daily', include_byok_in_limit: true, changed_at: T },
      });
      expect(harness.resolve({ secret }, at(T))).toMatchObject({ code: 'limit_exceeded' });
    });
  });

  it('restarts the window on a manual reset, keeping the reported figures', () => {
    const harness = withKey({ limit: 1, limit_reset: 'monthly' });
    const secret = secretOf(1);
    harness.resolver.recordUsage({ secret, cost: 1 }, at(T));
    expect(harness.resolve({ secret }, at(T))).toMatchObject({ code: 'limit_exceeded' });
    harness.changeKey(1, { type: 'KeyLimitReset', data: { reason: 'new budget', reset_at: T } });
    expect(admitted(harness.resolve({ secret }, at(T))).limit.remaining).toBe(1);
    expect(harness.resolver.usage('k1', at(T))).toMatchObject({ usage: 1, usage_monthly: 1 });
  });

  describe('concurrent spending of the last credit', () => {
    /** Starts `count` requests at once; each reports `cost` once the others have all started. */
    const spendConcurrently = async (harness: ResolutionHarness, count: number, cost: number) => {
      const secret = secretOf(1);
      const outcomes = await Promise.all(
        Array.from({ length: count }, async () => {
          const outcome = harness.resolve({ secret }, at(T));
          await new Promise((resolve) => setImmediate(resolve));
          if (outcome.ok) harness.resolver.recordUsage({ secret, cost }, at(T));
          return outcome;
        }),
      );
      return outcomes.filter((outcome) => outcome.ok).length;
    };

    it('admits exactly as many requests as the remaining credit can hold', async () => {
      const harness = withKey({ limit: 3, limit_reset: 'daily' });
      expect(await spendConcurrently(harness, 100, 1)).toBe(3);
      expect(harness.resolver.usage('k1', at(T))).toMatchObject({ usage: 3, requests: 3 });
      expect(await spendConcurrently(harness, 100, 1)).toBe(0);
    });

    it('gives the last fraction of a credit to one request only', async () => {
      const harness = withKey({ limit: 3, limit_reset: 'daily' });
      harness.resolver.recordUsage({ secret: secretOf(1), cost: 2.5 }, at(T));
      expect(await spendConcurrently(harness, 50, 0.5)).toBe(1);
      expect(harness.resolver.usage('k1', at(T))?.usage).toBe(3);
    });

    it('tells a request refused for credit held in flight to retry shortly', () => {
      const harness = withKey({ limit: 1, limit_reset: 'daily' });
      admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'limit_exceeded',
        retry_after: 1,
      });
    });

    it('overspends the last credit without reservations (what they prevent)', async () => {
      const harness = new ResolutionHarness(testSettings({ reservationCredits: 0 }));
      harness.createKey(1, { limit: 3, limit_reset: 'daily' });
      expect(await spendConcurrently(harness, 100, 1)).toBe(100);
    });

    it('lets the holds of a key lapse when its requests never report', () => {
      const harness = new ResolutionHarness(testSettings({ reservationTtlMs: 60_000 }));
      harness.createKey(1, { limit: 1, limit_reset: 'daily' });
      admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(false);
      expect(harness.resolve({ secret: secretOf(1) }, at('2026-03-10T12:01:00.001Z')).ok).toBe(
        true,
      );
    });
  });
});

describe('Resolver.recordUsage', () => {
  it('counts cost, keeps the request count, and answers the limit state', () => {
    const harness = withKey({ limit: 10, limit_reset: 'weekly' });
    const secret = secretOf(1);
    admitted(harness.resolve({ secret }, at(T)));
    expect(harness.resolver.recordUsage({ secret, cost: 0.0123, model: 'm' }, at(T))).toEqual({
      ok: true,
      key_id: 'k1',
      limit: {
        limit: 10,
        remaining: 9.9877,
        reset: 'weekly',
        window_end: '2026-03-16T00:00:00.000Z',
      },
    });
    expect(harness.resolver.usage('k1', at(T))).toMatchObject({ usage: 0.0123, requests: 1 });
  });

  it('refuses an unknown secret and a malformed report', () => {
    const harness = withKey();
    expect(harness.resolver.recordUsage({ secret: secretOf(2), cost: 1 }, at(T))).toMatchObject({
      code: 'invalid_api_key',
    });
    expect(() => harness.resolver.recordUsage({ secret: secretOf(1), cost: -1 }, at(T))).toThrow(
      expect.objectContaining({ code: 'validation_failed' }),
    );
  });

  it('still counts the cost of a request admitted before its key was revoked', () => {
    const harness = withKey();
    harness.changeKey(1, { type: 'KeyRevoked', data: { reason: null, revoked_at: T } });
    expect(harness.resolver.recordUsage({ secret: secretOf(1), cost: 2 }, at(T)).ok).toBe(true);
    expect(harness.resolver.usage('k1', at(T))?.usage).toBe(2);
  });
});
