import { CreateKeyRequest, Key, KeyledgerClient } from '@keyledger/client';
import { expectApiError } from '../client/api-error-assertions';
import { call, expectError } from '../support/http';
import { eventCount } from '../support/event-count';
import { filesContaining } from '../support/scan-files';
import { startTestApp, TestApp } from '../support/test-app';

type One = { data: Key; secret?: string };

describe('keys over HTTP (embedded default)', () => {
  let app: TestApp;
  let alice: string;
  let bob: string;

  beforeEach(async () => {
    app = await startTestApp();
    alice = await app.token('alice', { orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }] });
    bob = await app.token('bob', { orgs: [{ id: 'org_b', permissions: ['manageApiKeys'] }] });
  });
  afterEach(() => app.close());

  /** The typed client of a session token (of the app running now: tests restart it). */
  const as = (token: string) =>
    new KeyledgerClient({ baseUrl: app.baseUrl, auth: { bearer: token } });
  /** Creates a key, failing the test unless it is visible and shows its secret. */
  const create = async (token: string, body: CreateKeyRequest) => {
    const created = await as(token).keys.create(body);
    if (created.data === null || created.secret === null) throw new Error('no key or no secret');
    return { ...created, data: created.data, secret: created.secret };
  };
  /** Sends a create body the client would not: invalid on purpose. */
  const createRaw = (token: string, body: unknown) =>
    call<One>(app.baseUrl, 'POST', '/api/v1/keys', { auth: token, body });

  it('creates a key, showing its secret once, with every field', async () => {
    const created = await create(alice, { name: 'ci', limit: 10, limit_reset: 'monthly' });
    expect(created.status).toBe(201);
    expect(created.secret).toMatch(/^rk_[0-9a-f]{64}$/);
    const key = created.data;
    expect(key).toMatchObject({
      name: 'ci',
      scope: 'personal',
      owner_user_id: 'alice',
      org_id: null,
      scopes: ['completions', 'skills'],
      disabled: false,
      revoked: false,
      limit: 10,
      limit_reset: 'monthly',
      include_byok_in_limit: false,
      limit_remaining: 10,
      expires_at: null,
      revoked_at: null,
    });
    expect(key.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(key.label).toBe(`rk_${created.secret.slice(3, 7)}…${created.secret.slice(-4)}`);
    expect(created.etag).toBe('"0"');
    expect(created.position).toBeGreaterThan(0);
    expect(JSON.stringify(key)).not.toContain(created.secret.slice(3));
  });

  it('creates an org key in the active org when asked for scope org', async () => {
    const created = await create(alice, { name: 'shared', scope: 'org' });
    expect(created.data).toMatchObject({ scope: 'org', org_id: 'org_a' });
  });

  it('lists and gets keys by id and by hash, never with a secret', async () => {
    const one = await create(alice, { name: 'one' });
    await create(alice, { name: 'two' });
    const list = await as(alice).keys.list();
    expect(list.status).toBe(200);
    expect(list.data.map((k) => k.name)).toEqual(['two', 'one']);
    expect(JSON.stringify(list.data)).not.toContain(one.secret.slice(3));
    const byId = await as(alice).keys.get(one.data.id);
    const byHash = await as(alice).keys.get(one.data.hash);
    expect(byId.data).toEqual(one.data);
    expect(byHash.data).toEqual(one.data);
  });

  it('reads a key with every optional field set as its create answered it', async () => {
    // The reads write their bodies from the OpenAPI schema (fast-json-stringify): nothing the
    // create showed may be dropped, coerced or reordered into something else on the way.
    const created = await create(alice, {
      name: 'every "field"',
      scope: 'org',
      scopes: ['completions', 'management'],
      limit: 12.5,
      limit_reset: 'weekly',
      include_byok_in_limit: true,
      expires_at: '2099-01-01T00:00:00.000Z',
      allowed_ips: ['203.0.113.0/24', '2001:db8::/32'],
      rate_limits: [{ name: 'requests', limit: 600, duration_ms: 60_000 }],
      alert_thresholds: [80, 100],
      metadata: { team: 'search', cost_center: 4711, billable: false },
      external_id: 'customer-7',
    });
    const byId = await as(alice).keys.get(created.data.id);
    expect(byId.data).toEqual(created.data);
    expect((await as(alice).keys.list()).data).toEqual([created.data]);
  });

  it('lists a key as its last write left it, however often it was listed before', async () => {
    const { data } = await create(alice, { name: 'before' });
    expect((await as(alice).keys.list()).data).toEqual([data]);
    const renamed = await as(alice).keys.update(data.id, { name: 'after' });
    expect((await as(alice).keys.list()).data).toEqual([renamed.data]);
    expect(renamed.data).toMatchObject({ name: 'after' });
  });

  it('pages the list with a cursor', async () => {
    for (const name of ['k1', 'k2', 'k3']) await create(alice, { name });
    const first = await as(alice).keys.list({ limit: 2 });
    expect(first.next_cursor).toEqual(expect.any(String));
    const second = await as(alice).keys.list({ limit: 2, cursor: first.next_cursor ?? undefined });
    expect([...first.data, ...second.data].map((k) => k.name)).toEqual(['k3', 'k2', 'k1']);
    expect(second.next_cursor).toBeNull();
  });

  it("hides other tenants' keys exactly like missing ones", async () => {
    const { data } = await create(alice, { name: 'private' });
    const asBob = await expectApiError(as(bob).keys.get(data.id), 404, 'not_found');
    const missing = await expectApiError(
      as(bob).keys.get('00000000-0000-0000-0000-000000000000'),
      404,
      'not_found',
    );
    expect(asBob.message).toBe(missing.message);
    expect((await as(bob).keys.list()).data).toEqual([]);
    await expectApiError(as(bob).keys.revoke(data.id), 404, 'not_found');
  });

  it('revokes with DELETE, keeps the key listed on request, and refuses its secret afterwards', async () => {
    const { data, secret } = await create(alice, {
      name: 'doomed',
      scopes: ['completions', 'management'],
    });
    const asKey = new KeyledgerClient({ baseUrl: app.baseUrl, auth: { apiKey: secret } });
    expect((await asKey.keys.list()).status).toBe(200);
    const revoked = await as(alice).keys.revoke(data.id, { reason: 'rotation' });
    expect(revoked.status).toBe(200);
    expect(revoked.data).toMatchObject({ revoked: true });
    expect(revoked.data?.revoked_at).toEqual(expect.any(String));
    await expectApiError(asKey.keys.list(), 401, 'invalid_api_key');
    await expectApiError(as(alice).keys.revoke(data.id), 409, 'key_revoked');
    const all = await as(alice).keys.list({ include_revoked: true });
    expect(all.data.map((k) => k.revoked)).toEqual([true]);
    expect((await as(alice).keys.list()).data).toEqual([]);
  });

  it('keeps keys across a restart, and no secret ever reaches the data directory', async () => {
    const secrets: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const { secret } = await create(alice, { name, org_id: 'org_a' });
      secrets.push(secret);
    }
    const dataDir = app.dataDir;
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir });
    const list = await as(alice).keys.list();
    expect(list.data.map((k) => k.name)).toEqual(['c', 'b', 'a']);
    expect(
      filesContaining(
        dataDir,
        secrets.flatMap((s) => [s, s.slice(3)]),
      ),
    ).toEqual([]);
  });

  describe('refusals: SPEC §7 body, and nothing written', () => {
    // Invalid bodies on purpose: sent raw.
    it.each<[string, unknown, string]>([
      ['an empty name', { name: '' }, 'name'],
      ['an unknown field', { name: 'x', admin: true }, 'admin'],
      ['a negative limit', { name: 'x', limit: -1 }, 'limit'],
      ['a string limit', { name: 'x', limit: '10' }, 'limit'],
      ['an unknown scope', { name: 'x', scopes: ['root'] }, 'scopes'],
      ['an org on a personal key', { name: 'x', scope: 'personal', org_id: 'org_a' }, 'org_id'],
      ['an expiry in the past', { name: 'x', expires_at: '2001-01-01T00:00:00Z' }, 'expires_at'],
      ['a bad limit_reset', { name: 'x', limit_reset: 'hourly' }, 'limit_reset'],
    ])('refuses %s', async (_, body, field) => {
      await create(alice, { name: 'first' });
      const before = eventCount(app.dataDir);
      const response = await createRaw(alice, body);
      expectError(response, 400, 'validation_failed');
      expect(
        (response.body as unknown as { error: { fields: { field: string }[] } }).error.fields.map(
          (f) => f.field,
        ),
      ).toContain(field);
      expect(eventCount(app.dataDir)).toBe(before);
    });

    it('refuses malformed JSON, a wrong content type and an oversized body without a 5xx', async () => {
      expectError(
        await call(app.baseUrl, 'POST', '/api/v1/keys', { auth: alice, rawBody: '{"name":' }),
        400,
        'bad_request',
      );
      expectError(
        await call(app.baseUrl, 'POST', '/api/v1/keys', {
          auth: alice,
          rawBody: 'name=x',
          headers: { 'content-type': 'text/plain' },
        }),
        415,
        'unsupported_media_type',
      );
      expectError(
        await call(app.baseUrl, 'POST', '/api/v1/keys', {
          auth: alice,
          body: { name: 'x'.repeat(400_000) },
        }),
        413,
        'payload_too_large',
      );
    });

    it('refuses an org key without manageApiKeys there', async () => {
      const member = await app.token('carol', { orgs: [{ id: 'org_a', permissions: [] }] });
      await create(alice, { name: 'first' });
      const before = eventCount(app.dataDir);
      await expectApiError(as(member).keys.create({ name: 'x', scope: 'org' }), 403, 'forbidden');
      await expectApiError(
        as(member).keys.create({ name: 'x', org_id: 'org_z' }),
        403,
        'forbidden',
      );
      expect(eventCount(app.dataDir)).toBe(before);
    });

    it('answers missing credentials with 401 authentication_required and bad ones with invalid_token', async () => {
      const anonymous = new KeyledgerClient({ baseUrl: app.baseUrl });
      await expectApiError(anonymous.keys.list(), 401, 'authentication_required');
      await expectApiError(as('not-a-jwt').keys.list(), 401, 'invalid_token');
      const foreign = await app.token('alice', {
        secret: 'another-secret-of-the-right-length-0000000000',
      });
      await expectApiError(as(foreign).keys.list(), 401, 'invalid_token');
      const expired = await app.token('alice', { expiresIn: Math.floor(Date.now() / 1000) - 10 });
      await expectApiError(as(expired).keys.list(), 401, 'invalid_token');
      const unknownKey = new KeyledgerClient({
        baseUrl: app.baseUrl,
        auth: { apiKey: `rk_${'0'.repeat(64)}` },
      });
      await expectApiError(unknownKey.keys.list(), 401, 'invalid_api_key');
    });

    it('refuses a bad cursor and a bad limit', async () => {
      await expectApiError(as(alice).keys.list({ cursor: 'nope' }), 400, 'validation_failed');
      await expectApiError(as(alice).keys.list({ limit: 0 }), 400, 'validation_failed');
      // Not a boolean on purpose: sent raw.
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys?include_revoked=maybe', { auth: alice }),
        400,
        'validation_failed',
      );
    });
  });
});
