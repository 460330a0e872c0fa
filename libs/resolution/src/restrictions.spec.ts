import { NO_KEY_POLICY, OrgKeyPolicy } from '@keyledger/domain';
import { Resolved, ResolveOutcome } from './resolve-outcome';
import { ResolutionHarness, secretOf } from './testing';

const T = '2026-03-10T12:00:00.000Z';
const at = (iso: string, plusMs = 0): Date => new Date(Date.parse(iso) + plusMs);
const admitted = (outcome: ResolveOutcome): Resolved => {
  if (!outcome.ok) throw new Error(`refused: ${outcome.code} ${outcome.message}`);
  return outcome;
};
const setPolicy = (harness: ResolutionHarness, rules: Partial<OrgKeyPolicy>) =>
  harness.apply('org-org_1', {
    type: 'OrgKeyPolicySet',
    data: { org_id: 'org_1', ...NO_KEY_POLICY, ...rules, reason: 'audit', set_at: T },
  });
const orgKey = { scope: 'org' as const, org_id: 'org_1' };

describe('Resolver restrictions', () => {
  describe('ip_not_allowed (403)', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1, { allowed_ips: ['203.0.113.0/24', '2001:db8::/32'] });
    harness.createKey(2);

    it.each(['203.0.113.7', '::ffff:203.0.113.200', '2001:db8::1'])(
      'admits %s inside the allowlist',
      (client_ip) => {
        expect(harness.resolve({ secret: secretOf(1), client_ip }, at(T)).ok).toBe(true);
      },
    );

    it.each([['198.51.100.1'], ['2001:db9::1'], ['not-an-ip'], [null], [undefined]])(
      'refuses %s: outside, garbage or missing',
      (client_ip) => {
        expect(harness.resolve({ secret: secretOf(1), client_ip }, at(T))).toMatchObject({
          ok: false,
          code: 'ip_not_allowed',
          status: 403,
        });
      },
    );

    it('leaves a key without an allowlist open to any address, or none', () => {
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(true);
    });

    it('follows an allowlist change, and refusals count nothing', () => {
      const h = new ResolutionHarness();
      h.createKey(1);
      h.changeKey(1, {
        type: 'KeyIpAllowlistSet',
        data: { allowed_ips: ['10.0.0.0/8'], reason: null, changed_at: T },
      });
      expect(h.resolve({ secret: secretOf(1), client_ip: '11.0.0.1' }, at(T)).ok).toBe(false);
      expect(h.resolver.usage('k1', at(T))).toMatchObject({ requests: 0 });
      h.changeKey(1, {
        type: 'KeyIpAllowlistSet',
        data: { allowed_ips: [], reason: null, changed_at: T },
      });
      expect(h.resolve({ secret: secretOf(1), client_ip: '11.0.0.1' }, at(T)).ok).toBe(true);
    });
  });

  describe('policy_violation (403) under all_keys', () => {
    it('refuses an existing org key that breaks its org policy only once it is enforced on all keys', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, orgKey);
      harness.createKey(2, { ...orgKey, limit: 10 });
      harness.createKey(3, { scope: 'personal', org_id: null });
      setPolicy(harness, { require_limit: true, enforcement: 'new_keys' });
      expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(true);

      setPolicy(harness, { require_limit: true, enforcement: 'all_keys' });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'policy_violation',
        status: 403,
      });
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(true);
      expect(harness.resolve({ secret: secretOf(3) }, at(T)).ok).toBe(true);
    });

    it.each<[string, Partial<OrgKeyPolicy>]>([
      ['max_lifetime_days', { max_lifetime_days: 30 }],
      ['allowed_scopes', { allowed_scopes: ['completions'] }],
      ['require_ip_allowlist', { require_ip_allowlist: true }],
    ])('enforces %s at resolve', (_, rules) => {
      const harness = new ResolutionHarness();
      harness.createKey(1, orgKey);
      setPolicy(harness, { ...rules, enforcement: 'all_keys' });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'policy_violation',
      });
    });

    it('admits a key once it is brought into line, and again once the policy is lifted', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, orgKey);
      setPolicy(harness, { require_limit: true, enforcement: 'all_keys' });
      harness.changeKey(1, {
        type: 'KeyLimitSet',
        data: { limit: 5, limit_reset: null, include_byok_in_limit: false, changed_at: T },
      });
      expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(true);
      harness.createKey(2, orgKey);
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(false);
      setPolicy(harness, {});
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(true);
    });

    it("keeps enforcing one org's policy while another org's is set, set again and lifted", () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, orgKey);
      harness.createKey(2, { scope: 'org', org_id: 'org_2' });
      const enforced = { require_limit: true, enforcement: 'all_keys' as const };
      setPolicy(harness, enforced);
      setPolicy(harness, enforced);
      const setOrg2 = (rules: Partial<OrgKeyPolicy>) =>
        harness.apply('org-org_2', {
          type: 'OrgKeyPolicySet',
          data: { org_id: 'org_2', ...NO_KEY_POLICY, ...rules, reason: 'audit', set_at: T },
        });
      setOrg2(enforced);
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(false);
      // Lifted more often than set: only a change of enforcement moves the count of enforcing orgs.
      for (let lifted = 0; lifted < 3; lifted++) setOrg2({});
      expect(harness.resolve({ secret: secretOf(2) }, at(T)).ok).toBe(true);
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'policy_violation',
      });
    });
  });

  describe('rate_limited (429)', () => {
    const limits = [
      { name: 'burst', limit: 3, duration_ms: 1_000 },
      { name: 'minute', limit: 5, duration_ms: 60_000 },
    ];

    it('admits exactly up to the tightest limit, then refuses with it and a Retry-After', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, { rate_limits: limits });
      const start = at(T); // a whole second and minute: the previous windows are empty
      const first = admitted(harness.resolve({ secret: secretOf(1) }, start));
      expect(first.rate_limits).toEqual([
        { name: 'burst', limit: 3, remaining: 2, reset_at: '2026-03-10T12:00:01.000Z' },
        { name: 'minute', limit: 5, remaining: 4, reset_at: '2026-03-10T12:01:00.000Z' },
      ]);
      expect(first.tightest_rate_limit).toMatchObject({ name: 'burst', remaining: 2 });
      admitted(harness.resolve({ secret: secretOf(1) }, start));
      admitted(harness.resolve({ secret: secretOf(1) }, start));
      expect(harness.resolve({ secret: secretOf(1) }, start)).toMatchObject({
        code: 'rate_limited',
        status: 429,
        rate_limit: { name: 'burst', remaining: 0, limit: 3 },
      });
      expect(harness.resolver.usage('k1', start)).toMatchObject({ requests: 3 });
    });

    it('slides: the previous window counts by the share of it the window still covers', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, { rate_limits: [{ name: 'second', limit: 4, duration_ms: 1_000 }] });
      for (let i = 0; i < 4; i++) admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      // 250 ms into the next window, the previous 4 weigh 3: room for exactly 1.
      admitted(harness.resolve({ secret: secretOf(1) }, at(T, 1_250)));
      const refused = harness.resolve({ secret: secretOf(1) }, at(T, 1_250));
      expect(refused).toMatchObject({ code: 'rate_limited', retry_after: 1 });
      // At 1 500 ms the previous weigh 2, plus the 1 counted: room for 1 again.
      admitted(harness.resolve({ secret: secretOf(1) }, at(T, 1_500)));
    });

    it('spends rate_limit_cost (0 allowed) on every limit, only when all of them have room', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, { rate_limits: limits });
      expect(harness.resolve({ secret: secretOf(1), rate_limit_cost: 4 }, at(T))).toMatchObject({
        code: 'rate_limited',
      });
      const free = admitted(harness.resolve({ secret: secretOf(1), rate_limit_cost: 0 }, at(T)));
      expect(free.rate_limits.map((l) => l.remaining)).toEqual([3, 5]);
      const two = admitted(harness.resolve({ secret: secretOf(1), rate_limit_cost: 2 }, at(T)));
      expect(two.rate_limits.map((l) => l.remaining)).toEqual([1, 3]);
    });

    it('answers a key without rate limits with an empty list and no tightest limit', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1);
      expect(admitted(harness.resolve({ secret: secretOf(1) }, at(T)))).toMatchObject({
        rate_limits: [],
        tightest_rate_limit: null,
      });
    });

    it('starts counting afresh when the limits change', () => {
      const harness = new ResolutionHarness();
      harness.createKey(1, { rate_limits: [{ name: 'r', limit: 1, duration_ms: 60_000 }] });
      admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      expect(harness.resolve({ secret: secretOf(1) }, at(T)).ok).toBe(false);
      harness.changeKey(1, {
        type: 'KeyRateLimitsSet',
        data: {
          rate_limits: [{ name: 'r', limit: 2, duration_ms: 60_000 }],
          reason: null,
          changed_at: T,
        },
      });
      admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
    });

    it('keeps counting through other changes of the key, and through the same limits set again', () => {
      const harness = new ResolutionHarness();
      const limits = () => [{ name: 'r', limit: 1, duration_ms: 60_000 }];
      harness.createKey(1, { rate_limits: limits() });
      admitted(harness.resolve({ secret: secretOf(1) }, at(T)));
      harness.changeKey(1, {
        type: 'KeyRenamed',
        data: { name: 'renamed', previous_name: 'key 1', renamed_at: T },
      });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'rate_limited',
      });
      harness.changeKey(1, {
        type: 'KeyRateLimitsSet',
        data: { rate_limits: limits(), reason: null, changed_at: T },
      });
      expect(harness.resolve({ secret: secretOf(1) }, at(T))).toMatchObject({
        code: 'rate_limited',
      });
    });
  });

  it('returns the metadata and external id on resolve', () => {
    const harness = new ResolutionHarness();
    harness.createKey(1, { metadata: { team: 'search' }, external_id: 'cus_1' });
    expect(admitted(harness.resolve({ secret: secretOf(1) }, at(T))).key).toMatchObject({
      metadata: { team: 'search' },
      external_id: 'cus_1',
    });
  });
});
