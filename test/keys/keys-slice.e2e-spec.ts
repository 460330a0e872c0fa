import { call, expectError } from '../support/http';
import { eventCount } from '../support/event-count';
import { filesContaining } from '../support/scan-files';
import { startTestApp, TestApp } from '../support/test-app';

interface Key {
  id: string;
  hash: string;
  label: string;
  name: string;
  scope: string;
  org_id: string | null;
  owner_user_id: string;
  scopes: string[];
  revoked: boolean;
  [field: string]: unknown;
}
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

  const create = (token: string, body: unknown) =>
    call<One>(app.baseUrl, 'POST', '/api/v1/keys', { auth: token, body });

  it('creates a key, showing its secret once, with every field', async () => {
    const created = await create(alice, { name: 'ci', limit: 10, limit_reset: 'monthly' });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^rk_[0-9a-f]{64}$/);
    const key = created.body.data;
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
    expect(key.label).toBe(
      `rk_${created.body.secret!.slice(3, 7)}…${created.body.secret!.slice(-4)}`,
    );
    expect(created.headers.get('etag')).toBe('"0"');
    expect(Number(created.headers.get('x-position'))).toBeGreaterThan(0);
    expect(JSON.stringify(key)).not.toContain(created.body.secret!.slice(3));
  });

  it('creates an org key in the active org when asked for scope org', async () => {
    const created = await create(alice, { name: 'shared', scope: 'org' });
    expect(created.body.data).toMatchObject({ scope: 'org', org_id: 'org_a' });
  });

  it('lists and gets keys by id and by hash, never with a secret', async () => {
    const { body } = await create(alice, { name: 'one' });
    await create(alice, { name: 'two' });
    const list = await call<{ data: Key[]; next_cursor: string | null }>(
      app.baseUrl,
      'GET',
      '/api/v1/keys',
      { auth: alice },
    );
    expect(list.status).toBe(200);
    expect(list.body.data.map((k) => k.name)).toEqual(['two', 'one']);
    expect(JSON.stringify(list.body)).not.toContain(body.secret!.slice(3));
    const byId = await call<One>(app.baseUrl, 'GET', `/api/v1/keys/${body.data.id}`, {
      auth: alice,
    });
    const byHash = await call<One>(app.baseUrl, 'GET', `/api/v1/keys/${body.data.hash}`, {
      auth: alice,
    });
    expect(byId.body.data).toEqual(body.data);
    expect(byHash.body.data).toEqual(body.data);
  });

  it('pages the list with a cursor', async () => {
    for (const name of ['k1', 'k2', 'k3']) await create(alice, { name });
    const first = await call<{ data: Key[]; next_cursor: string }>(
      app.baseUrl,
      'GET',
      '/api/v1/keys?limit=2',
      { auth: alice },
    );
    const second = await call<{ data: Key[]; next_cursor: string | null }>(
      app.baseUrl,
      'GET',
      `/api/v1/keys?limit=2&cursor=${first.body.next_cursor}`,
      { auth: alice },
    );
    expect([...first.body.data, ...second.body.data].map((k) => k.name)).toEqual([
      'k3',
      'k2',
      'k1',
    ]);
    expect(second.body.next_cursor).toBeNull();
  });

  it("hides other tenants' keys exactly like missing ones", async () => {
    const { body } = await create(alice, { name: 'private' });
    const asBob = await call(app.baseUrl, 'GET', `/api/v1/keys/${body.data.id}`, { auth: bob });
    const missing = await call(
      app.baseUrl,
      'GET',
      '/api/v1/keys/00000000-0000-0000-0000-000000000000',
      { auth: bob },
    );
    expectError(asBob, 404, 'not_found');
    expect((asBob.body as { error: { message: string } }).error.message).toBe(
      (missing.body as { error: { message: string } }).error.message,
    );
    const bobsList = await call<{ data: Key[] }>(app.baseUrl, 'GET', '/api/v1/keys', { auth: bob });
    expect(bobsList.body.data).toEqual([]);
    expectError(
      await call(app.baseUrl, 'DELETE', `/api/v1/keys/${body.data.id}`, { auth: bob }),
      404,
      'not_found',
    );
  });

  it('revokes with DELETE, keeps the key listed on request, and refuses its secret afterwards', async () => {
    const { body } = await create(alice, { name: 'doomed', scopes: ['completions', 'management'] });
    const asKey = { apiKey: body.secret! };
    expect((await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: asKey })).status).toBe(200);
    const revoked = await call<One>(
      app.baseUrl,
      'DELETE',
      `/api/v1/keys/${body.data.id}?reason=rotation`,
      { auth: alice },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body.data).toMatchObject({ revoked: true });
    expect(revoked.body.data.revoked_at).toEqual(expect.any(String));
    expectError(
      await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: asKey }),
      401,
      'invalid_api_key',
    );
    expectError(
      await call(app.baseUrl, 'DELETE', `/api/v1/keys/${body.data.id}`, { auth: alice }),
      409,
      'key_revoked',
    );
    const all = await call<{ data: Key[] }>(
      app.baseUrl,
      'GET',
      '/api/v1/keys?include_revoked=true',
      { auth: alice },
    );
    expect(all.body.data.map((k) => k.revoked)).toEqual([true]);
    expect(
      (await call<{ data: Key[] }>(app.baseUrl, 'GET', '/api/v1/keys', { auth: alice })).body.data,
    ).toEqual([]);
  });

  it('keeps keys across a restart, and no secret ever reaches the data directory', async () => {
    const secrets: string[] = [];
    for (const name of ['a', 'b', 'c']) {
      const { body } = await create(alice, { name, org_id: 'org_a' });
      secrets.push(body.secret!);
    }
    const dataDir = app.dataDir;
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir });
    const list = await call<{ data: Key[] }>(app.baseUrl, 'GET', '/api/v1/keys', { auth: alice });
    expect(list.body.data.map((k) => k.name)).toEqual(['c', 'b', 'a']);
    expect(
      filesContaining(
        dataDir,
        secrets.flatMap((s) => [s, s.slice(3)]),
      ),
    ).toEqual([]);
  });

  describe('refusals: SPEC §7 body, and nothing written', () => {
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
      const response = await create(alice, body);
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
      expectError(await create(member, { name: 'x', scope: 'org' }), 403, 'forbidden');
      expectError(await create(member, { name: 'x', org_id: 'org_z' }), 403, 'forbidden');
      expect(eventCount(app.dataDir)).toBe(before);
    });

    it('answers missing credentials with 401 authentication_required and bad ones with invalid_token', async () => {
      expectError(await call(app.baseUrl, 'GET', '/api/v1/keys'), 401, 'authentication_required');
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: 'not-a-jwt' }),
        401,
        'invalid_token',
      );
      const foreign = await app.token('alice', {
        secret: 'another-secret-of-the-right-length-0000000000',
      });
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: foreign }),
        401,
        'invalid_token',
      );
      const expired = await app.token('alice', { expiresIn: Math.floor(Date.now() / 1000) - 10 });
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: expired }),
        401,
        'invalid_token',
      );
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', {
          auth: { apiKey: `rk_${'0'.repeat(64)}` },
        }),
        401,
        'invalid_api_key',
      );
    });

    it('refuses a bad cursor and a bad limit', async () => {
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys?cursor=nope', { auth: alice }),
        400,
        'validation_failed',
      );
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys?limit=0', { auth: alice }),
        400,
        'validation_failed',
      );
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys?include_revoked=maybe', { auth: alice }),
        400,
        'validation_failed',
      );
    });
  });
});
