import { createKey, startWorld, World } from '../routing-preferences/routing-world';
import { resolve } from '../resolution/resolution-support';
import { expectError } from '../support/http';

const fields = (exchange: { body: Record<string, unknown> }): string[] =>
  ((exchange.body.error as { fields?: { field: string }[] }).fields ?? []).map((f) => f.field);

/** Per-key IP allowlists, rate limits, metadata and external ids over HTTP. */
describe('key restrictions and identity', () => {
  let world: World;
  let baseUrl: string;

  beforeAll(async () => {
    world = await startWorld();
    baseUrl = world.app.baseUrl;
  });
  afterAll(() => world.app.close());

  describe('allowed_ips', () => {
    it('is validated and normalised on create and PATCH, and shown on the key', async () => {
      const key = await createKey(world.alice, {
        allowed_ips: ['203.0.113.77/24', '2001:DB8::/32', '::ffff:198.51.100.1'],
      });
      expect(key.allowed_ips).toEqual(['203.0.113.0/24', '2001:db8::/32', '198.51.100.1/32']);
      const before = world.events();
      const bad = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        allowed_ips: ['10.0.0.0/8', 'intranet'],
      });
      expectError(bad, 400, 'validation_failed');
      expect(fields(bad)).toEqual(['allowed_ips[1]']);
      expect(world.events()).toBe(before);
      const tooMany = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        allowed_ips: Array.from({ length: 101 }, (_, i) => `10.0.${i}.0/24`),
      });
      expectError(tooMany, 400, 'validation_failed');
    });

    it('refuses a missing or outside client_ip with 403 ip_not_allowed', async () => {
      const key = await createKey(world.alice, { allowed_ips: ['203.0.113.0/24'] });
      const inside = await resolve(baseUrl, { apiKey: key.secret }, { client_ip: '203.0.113.9' });
      expect(inside.status).toBe(200);
      expectError(
        await resolve(baseUrl, { apiKey: key.secret }, { client_ip: '198.51.100.1' }),
        403,
        'ip_not_allowed',
      );
      expectError(await resolve(baseUrl, { apiKey: key.secret }), 403, 'ip_not_allowed');
      expectError(
        await resolve(baseUrl, { apiKey: key.secret }, { client_ip: 'not-an-ip' }),
        400,
        'validation_failed',
      );
      // Lifting the allowlist (with a reason for the audit trail) opens the key again.
      const lifted = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        allowed_ips: [],
        reason: 'moved to the new VPC',
      });
      expect(lifted.status).toBe(200);
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
      const events = await world.keyEvents(key.id);
      expect(events.at(-1)).toMatchObject({
        type: 'KeyIpAllowlistSet',
        data: { allowed_ips: [], reason: 'moved to the new VPC' },
        metadata: { actor: { kind: 'user', id: 'alice' } },
      });
    });
  });

  describe('rate_limits', () => {
    it('admits up to the tightest limit with X-RateLimit headers, then 429 rate_limited', async () => {
      const key = await createKey(world.alice, {
        rate_limits: [
          { name: 'burst', limit: 3, duration_ms: 60_000 },
          { name: 'hourly', limit: 100, duration_ms: 3_600_000 },
        ],
      });
      const first = await resolve(baseUrl, { apiKey: key.secret });
      expect(first.status).toBe(200);
      expect(first.headers.get('x-ratelimit-limit')).toBe('3');
      expect(first.headers.get('x-ratelimit-remaining')).toMatch(/^[0-2]$/);
      expect(Number(first.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
      const limits = (first.body.data as { rate_limits: Record<string, unknown>[] }).rate_limits;
      expect(limits.map((limit) => limit.name)).toEqual(['burst', 'hourly']);
      expect(limits[1]).toMatchObject({ limit: 100, remaining: expect.any(Number) });
      expect(Date.parse(limits[1].reset_at as string)).toBeGreaterThan(Date.now());

      let refused = first;
      for (let i = 0; i < 5 && refused.status === 200; i++) {
        refused = await resolve(baseUrl, { apiKey: key.secret });
      }
      expectError(refused, 429, 'rate_limited');
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(refused.headers.get('x-ratelimit-limit')).toBe('3');
      expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
      expect(refused.headers.get('x-ratelimit-reset')).toMatch(/^\d+$/);
    });

    it('spends rate_limit_cost (0 allowed) and refuses bad limits and costs', async () => {
      const key = await createKey(world.alice, {
        rate_limits: [{ name: 'tokens', limit: 10, duration_ms: 60_000 }],
      });
      const free = await resolve(baseUrl, { apiKey: key.secret }, { rate_limit_cost: 0 });
      expect(free.headers.get('x-ratelimit-remaining')).toBe('10');
      expectError(
        await resolve(baseUrl, { apiKey: key.secret }, { rate_limit_cost: 11 }),
        429,
        'rate_limited',
      );
      expectError(
        await resolve(baseUrl, { apiKey: key.secret }, { rate_limit_cost: -1 }),
        400,
        'validation_failed',
      );
      const bad = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        rate_limits: [{ name: 'x', limit: 0, duration_ms: 10 }],
      });
      expectError(bad, 400, 'validation_failed');
    });

    it('sends no rate-limit headers for a key without limits', async () => {
      const key = await createKey(world.alice);
      const answer = await resolve(baseUrl, { apiKey: key.secret });
      expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
      expect((answer.body.data as { rate_limits: unknown[] }).rate_limits).toEqual([]);
    });
  });

  describe('metadata and external_id', () => {
    it('are set on create and PATCH, shown on every view and on resolve, and filter the list', async () => {
      const externalId = `cus_${Date.now()}`;
      const key = await createKey(world.alice, {
        metadata: { team: 'search', tier: 2, prod: true },
        external_id: externalId,
      });
      expect(key).toMatchObject({
        metadata: { team: 'search', tier: 2, prod: true },
        external_id: externalId,
      });
      await createKey(world.alice, { external_id: 'someone-else' });

      const listed = await world.alice.get<{ data: { id: string }[] }>(
        `/api/v1/keys?external_id=${externalId}`,
      );
      expect(listed.body.data.map((k) => k.id)).toEqual([key.id]);
      const fetched = await world.alice.get<{ data: Record<string, unknown> }>(
        `/api/v1/keys/${key.id}`,
      );
      expect(fetched.body.data).toMatchObject({ external_id: externalId });

      const resolved = await resolve(baseUrl, { apiKey: key.secret });
      expect(resolved.body.data).toMatchObject({
        key: { metadata: { team: 'search' }, external_id: externalId },
      });

      const changed = await world.alice.send<{ data: Record<string, unknown> }>(
        'PATCH',
        `/api/v1/keys/${key.id}`,
        { metadata: { team: 'ads' }, external_id: null },
      );
      expect(changed.body.data).toMatchObject({ metadata: { team: 'ads' }, external_id: null });
    });

    it('refuses metadata that is too big, nested or names a secret, writing nothing', async () => {
      const before = world.events();
      for (const metadata of [
        { nested: { a: 1 } },
        { db_password: 'hunter2' },
        { blob: 'x'.repeat(5000) },
        Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i])),
      ]) {
        expectError(
          await world.alice.send('POST', '/api/v1/keys', { name: 'meta', metadata }),
          400,
          'validation_failed',
        );
      }
      expectError(
        await world.alice.send('POST', '/api/v1/keys', { name: 'x', external_id: 'x'.repeat(257) }),
        400,
        'validation_failed',
      );
      expect(world.events()).toBe(before);
    });
  });

  it('moves expires_at by PATCH, and answers key_expired once it has passed', async () => {
    const key = await createKey(world.alice);
    const soon = new Date(Date.now() + 2_500).toISOString();
    const patched = await world.alice.send<{ data: { expires_at: string } }>(
      'PATCH',
      `/api/v1/keys/${key.id}`,
      { expires_at: soon },
    );
    expect(patched.body.data.expires_at).toBe(soon);
    expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
    await new Promise((done) => setTimeout(done, Date.parse(soon) - Date.now() + 50));
    expectError(await resolve(baseUrl, { apiKey: key.secret }), 401, 'key_expired');
  });
});
