import { createHash } from 'node:crypto';
import { call, expectError } from '../support/http';
import { KeyAnswer, keyEventsOnDisk } from '../support/key-api';
import { startTestApp, TestApp } from '../support/test-app';
import { reportUsage, resolve } from '../resolution/resolution-support';

const sha256 = (secret: string): string => createHash('sha256').update(secret).digest('hex');
const openRouterSecret = (n: number): string => `sk-or-v1-${n.toString(16).padStart(64, 'a')}`;

type ImportAnswer = {
  readonly data: {
    index: number;
    status: string;
    hash: string | null;
    key_id: string | null;
    error?: { code: string; fields: { field: string }[] };
  }[];
  readonly summary: { created: number; already_imported: number; refused: number };
};

const imported = (n: number, overrides: Record<string, unknown> = {}) => ({
  hash: sha256(openRouterSecret(n)),
  hash_algorithm: 'sha256',
  prefix: 'sk-or-v1-',
  name: `migrated ${n}`,
  limit: 10,
  limit_reset: 'monthly',
  external_id: `or_${n}`,
  metadata: { team: 'search' },
  ...overrides,
});

describe.each([
  ['without a pepper', {}],
  ['with KEY_HASH_PEPPER', { KEY_HASH_PEPPER: 'an-e2e-pepper-0123456789' }],
])('POST /api/v1/keys/import %s', (_, env) => {
  let app: TestApp;
  let alice: string;
  const importKeys = (keys: unknown[], auth: string = alice) =>
    call<ImportAnswer>(app.baseUrl, 'POST', '/api/v1/keys/import', {
      auth,
      body: { keys, origin: 'openrouter' },
    });

  beforeAll(async () => {
    app = await startTestApp({ env });
    alice = await app.token('alice', {
      orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }],
      activeOrg: null,
    });
  });
  afterAll(() => app.close());

  it('creates keys that resolve with their original secrets, and says so per key', async () => {
    const answered = await importKeys([
      imported(1),
      imported(2, { scope: 'org', org_id: 'org_a' }),
    ]);
    expect(answered.status).toBe(200);
    expect(answered.body.summary).toEqual({ created: 2, already_imported: 0, refused: 0 });
    const [first, second] = answered.body.data;
    expect(first).toMatchObject({ index: 0, status: 'created', hash: sha256(openRouterSecret(1)) });
    for (const [n, outcome] of [
      [1, first],
      [2, second],
    ] as const) {
      const resolved = await resolve(app.baseUrl, { apiKey: openRouterSecret(n) });
      expect(resolved.status).toBe(200);
      expect(resolved.body).toMatchObject({
        data: { key: { id: outcome.key_id }, limit: { limit: 10 } },
      });
      // As a bearer too: the gateway forwards secrets unchanged in either header.
      expect((await resolve(app.baseUrl, openRouterSecret(n))).status).toBe(200);
    }
    const key = await call<KeyAnswer>(app.baseUrl, 'GET', `/api/v1/keys/${first.key_id}`, {
      auth: alice,
    });
    expect(key.body.data).toMatchObject({
      label: 'sk-or-v1-…',
      hash_scheme: 'sha256',
      external_id: 'or_1',
      metadata: { team: 'search' },
      imported: { prefix: 'sk-or-v1-', origin: 'openrouter' },
    });
    expect(keyEventsOnDisk(app.dataDir, first.key_id as string).map((e) => e.type)).toEqual([
      'KeyCreated',
      'KeyImported',
    ]);
    expectError(
      await resolve(app.baseUrl, { apiKey: openRouterSecret(99) }),
      401,
      'invalid_api_key',
    );
  });

  it('takes a key without prefix or algorithm: SHA-256 of a secret of any shape', async () => {
    const secret = 'unkey_3ZfXhK8s2mQ';
    const answered = await importKeys([
      { name: 'no prefix', hash: sha256(secret), prefix: undefined, hash_algorithm: undefined },
    ]);
    expect(answered.body.data[0]).toMatchObject({ status: 'created' });
    expect((await resolve(app.baseUrl, { apiKey: secret })).status).toBe(200);
    expectError(await resolve(app.baseUrl, { apiKey: `${secret}x` }), 401, 'invalid_api_key');
  });

  it('is idempotent on the hash, across calls and within one', async () => {
    const first = await importKeys([imported(3)]);
    const again = await importKeys([
      imported(3, { hash: sha256(openRouterSecret(3)).toUpperCase() }),
      imported(3),
    ]);
    expect(again.body.data.map((outcome) => [outcome.status, outcome.key_id])).toEqual([
      ['already_imported', first.body.data[0].key_id],
      ['already_imported', first.body.data[0].key_id],
    ]);
    expect(keyEventsOnDisk(app.dataDir, first.body.data[0].key_id as string)).toHaveLength(2);
  });

  it('refuses each bad key with its reason and imports the others', async () => {
    const answered = await importKeys([
      imported(4, { hash: 'nothex' }),
      imported(5, { hash_algorithm: 'md5' }),
      imported(6, { scope: 'org', org_id: 'org_b' }),
      imported(7, { unknown_field: 1 }),
      imported(8),
    ]);
    expect(answered.body.data.map((o) => [o.status, o.error?.code ?? null])).toEqual([
      ['refused', 'validation_failed'],
      ['refused', 'validation_failed'],
      ['refused', 'forbidden'],
      ['refused', 'validation_failed'],
      ['created', null],
    ]);
    expect(answered.body.data[0].error?.fields.map((f) => f.field)).toEqual(['hash']);
    expect(answered.body.summary).toEqual({ created: 1, already_imported: 0, refused: 4 });
  });

  it("holds org keys to their org's key policy, as a create", async () => {
    await call(app.baseUrl, 'PUT', '/api/v1/orgs/org_a/key-policy', {
      auth: alice,
      body: { allowed_scopes: ['completions'], reason: 'inference only' },
    });
    const answered = await importKeys([
      imported(9, { scope: 'org', org_id: 'org_a', scopes: ['skills'] }),
    ]);
    expect(answered.body.data[0]).toMatchObject({
      status: 'refused',
      error: { code: 'policy_violation' },
    });
  });

  it('refuses an empty or oversized batch as a whole, writing nothing', async () => {
    expectError(await importKeys([]), 400, 'validation_failed');
    expectError(
      await importKeys(Array.from({ length: 1001 }, (_, n) => imported(1000 + n))),
      400,
      'validation_failed',
    );
  });

  it('is refused to a key without the management scope', async () => {
    const created = await call<KeyAnswer>(app.baseUrl, 'POST', '/api/v1/keys', {
      auth: alice,
      body: { name: 'inference' },
    });
    expectError(
      await call(app.baseUrl, 'POST', '/api/v1/keys/import', {
        auth: { apiKey: created.body.secret as string },
        body: { keys: [imported(10)] },
      }),
      403,
      'forbidden',
    );
  });

  it('lets an imported management key administer keys with its original secret', async () => {
    const answered = await importKeys([imported(12, { scopes: ['management'] })]);
    expect(answered.body.data[0].status).toBe('created');
    const listed = await call(app.baseUrl, 'GET', '/api/v1/keys', {
      auth: { apiKey: openRouterSecret(12) },
    });
    expect(listed.status).toBe(200);
    expectError(
      await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: { apiKey: openRouterSecret(13) } }),
      401,
      'invalid_api_key',
    );
  });

  describe('with its secret as Authorization: Bearer, exactly as in X-API-Key (SPEC §5)', () => {
    // Formats that are not ours, one of them shaped like a JWT: each is looked up as a secret.
    const secrets = ['unkey_9RbearerT0k3n', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJtaWdyYXRlZCJ9.c2ln'];

    it('resolves and reports usage', async () => {
      const answered = await importKeys(
        secrets.map((secret, n) => ({ name: `bearer ${n}`, hash: sha256(secret) })),
      );
      expect(answered.body.summary.created).toBe(2);
      for (const [n, secret] of secrets.entries()) {
        const resolved = await resolve(app.baseUrl, secret);
        expect(resolved.status).toBe(200);
        expect(resolved.body).toMatchObject({
          data: { key: { id: answered.body.data[n].key_id } },
        });
        expect((await reportUsage(app.baseUrl, secret, { cost: 0.5 })).status).toBe(200);
        expectError(await resolve(app.baseUrl, `${secret}x`), 401, 'invalid_api_key');
      }
    });

    it('administers keys with the management scope; a session JWT still works, a bad token is invalid_token', async () => {
      const secret = 'acme-admin-7f3Q9zLk';
      const answered = await importKeys([
        { name: 'admin', hash: sha256(secret), scopes: ['management'] },
      ]);
      const keyId = answered.body.data[0].key_id as string;
      const listed = await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: secret });
      expect(listed.status).toBe(200);
      expect((await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: alice })).status).toBe(200);
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: `${secret}x` }),
        401,
        'invalid_token',
      );
      // A key's own refusal holds as it does in X-API-Key: disabled is 403, not a bad token.
      const disabled = await call(app.baseUrl, 'PATCH', `/api/v1/keys/${keyId}`, {
        auth: alice,
        body: { disabled: true },
      });
      expect(disabled.status).toBe(200);
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: secret }),
        403,
        'key_disabled',
      );
    });

    it('is refused the management routes without the management scope', async () => {
      const secret = 'acme-inference-Zt81pQ';
      await importKeys([{ name: 'inference', hash: sha256(secret) }]);
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: secret }),
        403,
        'forbidden',
      );
      expect((await call(app.baseUrl, 'GET', '/api/v1/key', { auth: secret })).status).toBe(200);
    });
  });

  it('still resolves an imported key after a restart, from the resolution snapshot', async () => {
    const answered = await importKeys([imported(11)]);
    expect(answered.body.data[0].status).toBe('created');
    const dataDir = app.dataDir;
    await app.close({ keepData: true });
    app = await startTestApp({ dataDir, env });
    expect((await resolve(app.baseUrl, { apiKey: openRouterSecret(11) })).status).toBe(200);
  });
});
