import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createKey, failedFields, startWorld, World } from '../routing-preferences/routing-world';
import { expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { reportUsage, resolve, spend } from './resolution-support';

describe('the gateway calls', () => {
  let world: World;
  let baseUrl: string;

  beforeAll(async () => {
    world = await startWorld();
    baseUrl = world.app.baseUrl;
  });
  afterAll(() => world.app.close());

  describe('POST /api/v1/resolve', () => {
    it('admits a key forwarded in X-API-Key or as a bearer, with its routing and limit state', async () => {
      const key = await createKey(world.alice, { limit: 5, limit_reset: 'daily' });
      for (const forwarded of [{ apiKey: key.secret }, key.secret]) {
        const resolved = await resolve(baseUrl, forwarded, { model: 'openai/gpt-4o' });
        expect(resolved.status).toBe(200);
        expect(resolved.body).toMatchObject({
          data: {
            key: { id: key.id, owner_user_id: 'alice', org_id: null, plan_tier: 'default' },
            routing: { key_id: key.id, source: 'none', preference_id: null },
            limit: { limit: 5, reset: 'daily' },
          },
        });
        const limit = (resolved.body.data as { limit: { window_end: string } }).limit;
        expect(Date.parse(limit.window_end)).toBeGreaterThan(Date.now());
      }
    });

    it('answers without a body', async () => {
      const key = await createKey(world.alice);
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
    });

    it('names the preference a key is bound to, with its source', async () => {
      const key = await createKey(world.alice);
      const preference = await world.alice.send<{ data: { id: string } }>(
        'POST',
        '/api/v1/routing-preferences',
        { name: 'code first', rules: [{ pattern: '^def ', target_mode: 'code', confidence: 0.9 }] },
      );
      await world.alice.send('PUT', `/api/v1/keys/${key.id}/routing-preference`, {
        preference_id: preference.body.data.id,
      });
      const resolved = await resolve(baseUrl, { apiKey: key.secret });
      expect(resolved.body).toMatchObject({
        data: { routing: { source: 'key', preference_id: preference.body.data.id } },
      });
    });

    it('refuses missing, unknown and non-key credentials (401)', async () => {
      expectError(await resolve(baseUrl, undefined), 401, 'authentication_required');
      expectError(
        await resolve(baseUrl, { apiKey: `rk_${'0'.repeat(64)}` }),
        401,
        'invalid_api_key',
      );
      expectError(await resolve(baseUrl, { apiKey: 'not a key' }), 401, 'invalid_api_key');
      const token = await world.app.token('alice');
      expectError(await resolve(baseUrl, token), 401, 'invalid_api_key');
    });

    it('refuses a key on the instance that disabled or revoked it as soon as the write answered', async () => {
      const key = await createKey(world.alice);
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
      const disabled = await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, {
        disabled: true,
      });
      expect(disabled.status).toBe(200);
      expectError(await resolve(baseUrl, { apiKey: key.secret }), 403, 'key_disabled');
      await world.alice.send('PATCH', `/api/v1/keys/${key.id}`, { disabled: false });
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
      expect((await world.alice.send('DELETE', `/api/v1/keys/${key.id}`)).status).toBe(200);
      expectError(await resolve(baseUrl, { apiKey: key.secret }), 401, 'invalid_api_key');
    });

    it('refuses an expired key with key_expired', async () => {
      // Generous: creating and resolving must both happen before expiry on a loaded machine.
      const expiresAt = Date.now() + 4_000;
      const key = await createKey(world.alice, { expires_at: new Date(expiresAt).toISOString() });
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, expiresAt + 50 - Date.now()));
      expectError(await resolve(baseUrl, { apiKey: key.secret }), 401, 'key_expired');
    });

    it('refuses a scope the key lacks, and management keys on inference traffic (403)', async () => {
      const billing = await createKey(world.alice, { scopes: ['billing'] });
      expectError(await resolve(baseUrl, { apiKey: billing.secret }), 403, 'insufficient_scope');
      expect(
        (await resolve(baseUrl, { apiKey: billing.secret }, { scope: 'billing' })).status,
      ).toBe(200);
      const management = await createKey(world.alice, { scopes: ['management'] });
      expectError(
        await resolve(baseUrl, { apiKey: management.secret }, { scope: 'management' }),
        403,
        'insufficient_scope',
      );
    });

    it('refuses a spent limit with 429 limit_exceeded and Retry-After to the window end', async () => {
      const key = await createKey(world.alice, { limit: 1, limit_reset: 'daily' });
      expect(await spend(baseUrl, key.secret, 1)).toBe(true);
      const refused = await resolve(baseUrl, { apiKey: key.secret });
      expectError(refused, 429, 'limit_exceeded');
      const midnight = new Date();
      midnight.setUTCHours(24, 0, 0, 0);
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(Math.abs(retryAfter - (midnight.getTime() - Date.now()) / 1000)).toBeLessThan(5);
    });

    it.each([
      [{ model: '' }, ['model']],
      [{ model: 'x'.repeat(257) }, ['model']],
      [{ scope: 'everything' }, ['scope']],
      [{ model: 1 }, ['model']],
      [{ secret: 'in the body' }, ['secret']],
    ])('refuses the body %p with 400 listing %p', async (body, fields) => {
      const key = await createKey(world.alice);
      const refused = await resolve(baseUrl, { apiKey: key.secret }, body);
      expectError(refused, 400, 'validation_failed');
      expect([...new Set(failedFields(refused))]).toEqual(fields);
    });
  });

  describe('POST /api/v1/usage', () => {
    it('counts costs, BYOK apart, and shows them on the key', async () => {
      const key = await createKey(world.alice, { limit: 10, limit_reset: 'monthly' });
      const listed = () =>
        world.alice.get<{ data: Record<string, unknown>[] }>('/api/v1/keys?limit=1');
      // Listed once before any use: the list keeps each key's written fields, not its figures.
      expect((await listed()).body.data[0]).toMatchObject({ requests: 0, limit_remaining: 10 });
      await spend(baseUrl, key.secret, 1.25);
      await resolve(baseUrl, { apiKey: key.secret });
      const byok = await reportUsage(baseUrl, { apiKey: key.secret }, { cost: 2, byok: true });
      expect(byok.body).toMatchObject({ data: { key_id: key.id, limit: { remaining: 8.75 } } });
      const shown = await world.alice.get<{ data: Record<string, unknown> }>(
        `/api/v1/keys/${key.id}`,
      );
      const figures = {
        usage: 1.25,
        usage_daily: 1.25,
        usage_weekly: 1.25,
        usage_monthly: 1.25,
        byok_usage: 2,
        byok_usage_monthly: 2,
        requests: 2,
        requests_daily: 2,
        limit_remaining: 8.75,
      };
      expect(shown.body.data).toMatchObject(figures);
      expect((await listed()).body.data).toEqual([shown.body.data]);
      expect(Date.now() - Date.parse(String(shown.body.data.last_used_at))).toBeLessThan(60_000);
    });

    it('counts BYOK toward the limit when the key says so', async () => {
      const key = await createKey(world.alice, { limit: 10, include_byok_in_limit: true });
      await resolve(baseUrl, { apiKey: key.secret });
      const byok = await reportUsage(baseUrl, { apiKey: key.secret }, { cost: 4, byok: true });
      expect(byok.body).toMatchObject({ data: { limit: { remaining: 6 } } });
    });

    it('starts the window again after a manual limit reset', async () => {
      const key = await createKey(world.alice, { limit: 2 });
      await spend(baseUrl, key.secret, 2);
      expectError(await resolve(baseUrl, { apiKey: key.secret }), 429, 'limit_exceeded');
      const reset = await world.alice.send('POST', `/api/v1/keys/${key.id}/limit/reset`, {
        reason: 'contract renewed',
      });
      expect(reset.status).toBe(200);
      expect((await resolve(baseUrl, { apiKey: key.secret })).status).toBe(200);
    });

    it.each([
      [{}, ['cost']],
      [{ cost: -1 }, ['cost']],
      [{ cost: '1' }, ['cost']],
      [{ cost: 1, byok: 'yes' }, ['byok']],
      [{ cost: 1, extra: true }, ['extra']],
    ])('refuses %p with 400 listing %p and writes nothing', async (body, fields) => {
      const key = await createKey(world.alice);
      const before = world.events();
      const refused = await reportUsage(baseUrl, { apiKey: key.secret }, body);
      expectError(refused, 400, 'validation_failed');
      expect([...new Set(failedFields(refused))]).toEqual(fields);
      expect(world.events()).toBe(before);
    });

    it('refuses an unknown secret with 401', async () => {
      expectError(
        await reportUsage(baseUrl, { apiKey: `rk_${'1'.repeat(64)}` }, { cost: 1 }),
        401,
        'invalid_api_key',
      );
    });
  });
});

describe('resolution with a plan catalog (PLANS_FILE)', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    const plans = join(app.dataDir, 'plans.json');
    writeFileSync(
      plans,
      JSON.stringify({
        default_tier: 'free',
        tiers: {
          free: { models: ['openai/gpt-4o-mini'], requests_per_minute: 3 },
          max: { models: ['*'] },
        },
      }),
    );
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir: app.dataDir, env: { PLANS_FILE: plans } });
  });
  afterAll(() => app.close());

  const keyFor = async (plan: string) => {
    const token = await app.token(`user_${plan}`, { plan });
    const created = await fetch(`${app.baseUrl}/api/v1/keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: plan }),
    });
    return ((await created.json()) as { secret: string }).secret;
  };

  it('refuses a model outside the tier (403 model_not_allowed)', async () => {
    const free = await keyFor('free');
    expectError(
      await resolve(app.baseUrl, { apiKey: free }, { model: 'anthropic/claude-opus' }),
      403,
      'model_not_allowed',
    );
    const max = await keyFor('max');
    const resolved = await resolve(
      app.baseUrl,
      { apiKey: max },
      { model: 'anthropic/claude-opus' },
    );
    expect(resolved.body).toMatchObject({ data: { key: { plan_tier: 'max' } } });
  });

  it("caps a user's requests across all of their keys (429 request_limit_exceeded)", async () => {
    const token = await app.token('capped', { plan: 'free' });
    const secrets: string[] = [];
    for (const name of ['one', 'two']) {
      const created = await fetch(`${app.baseUrl}/api/v1/keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name }),
      });
      secrets.push(((await created.json()) as { secret: string }).secret);
    }
    const statuses = [];
    for (const secret of [secrets[0], secrets[1], secrets[0]])
      statuses.push((await resolve(app.baseUrl, { apiKey: secret })).status);
    expect(statuses).toEqual([200, 200, 200]);
    const refused = await resolve(app.baseUrl, { apiKey: secrets[1] });
    expectError(refused, 429, 'request_limit_exceeded');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses to start with a malformed catalog, naming the problem', async () => {
    const bad = join(app.dataDir, 'bad-plans.json');
    writeFileSync(bad, JSON.stringify({ default_tier: 'gold', tiers: {} }));
    await expect(startTestApp({ env: { PLANS_FILE: bad } })).rejects.toThrow(/default_tier/);
  });
});
