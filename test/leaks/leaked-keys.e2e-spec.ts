import { generateKeyPairSync, KeyObject, sign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, expectError } from '../support/http';
import { KeyAnswer, keyEventsOnDisk } from '../support/key-api';
import { startTestApp, TestApp } from '../support/test-app';
import { resolve } from '../resolution/resolution-support';

const GITHUB = '/api/v1/secret-scanning/github';
const KEY_ID = 'bcb53661c06b4728e59d897fb6165d5c9cda0fd9cdf9d09ead458168deb7518c';

/** A P-256 key pair, its public half in GitHub's public-keys format. */
function githubSigner(dir: string): { file: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const file = join(dir, 'github-keys.json');
  const key = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  writeFileSync(
    file,
    JSON.stringify({ public_keys: [{ key_identifier: KEY_ID, key, is_current: true }] }),
  );
  return { file, privateKey };
}

/** POSTs `text` to the GitHub endpoint with the given signature headers. */
const report = (baseUrl: string, text: string, headers: Record<string, string>) =>
  call<unknown>(baseUrl, 'POST', GITHUB, { rawBody: text, headers });

describe('leaked-key response', () => {
  let app: TestApp;
  let dir: string;
  let privateKey: KeyObject;
  let alice: string;

  const signed = (text: string, key: KeyObject = privateKey) => ({
    'github-public-key-identifier': KEY_ID,
    'github-public-key-signature': sign('sha256', Buffer.from(text), {
      key,
      dsaEncoding: 'der',
    }).toString('base64'),
  });
  const createKey = async (body: Record<string, unknown> = {}) => {
    const created = await call<KeyAnswer>(app.baseUrl, 'POST', '/api/v1/keys', {
      auth: alice,
      body: { name: 'leaky', ...body },
    });
    expect(created.status).toBe(201);
    return { id: created.body.data.id, secret: created.body.secret as string };
  };
  const getKey = async (id: string) =>
    (await call<KeyAnswer>(app.baseUrl, 'GET', `/api/v1/keys/${id}`, { auth: alice })).body.data;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'keyledger-leaks-'));
    const signer = githubSigner(dir);
    privateKey = signer.privateKey;
    app = await startTestApp({ env: { SECRET_SCANNING_PUBLIC_KEYS_FILE: signer.file } });
    alice = await app.token('alice', {
      orgs: [{ id: 'org_a', permissions: ['manageApiKeys'] }],
      activeOrg: null,
    });
  });
  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('POST /api/v1/secret-scanning/github', () => {
    it('disables a key GitHub found, labels it, and the key stops resolving', async () => {
      const key = await createKey();
      expect((await resolve(app.baseUrl, { apiKey: key.secret })).status).toBe(200);
      const url = 'https://github.com/octo/repo/blob/abc/.env';
      const text = JSON.stringify([
        { token: key.secret, type: 'keyledger_api_key', url, source: 'content' },
        { token: `rk_${'0'.repeat(64)}`, type: 'keyledger_api_key', url, source: 'content' },
      ]);
      const answered = await report(app.baseUrl, text, signed(text));
      expect(answered.status).toBe(200);
      expect(answered.body).toEqual([
        { token_raw: key.secret, token_type: 'keyledger_api_key', label: 'true_positive' },
        {
          token_raw: `rk_${'0'.repeat(64)}`,
          token_type: 'keyledger_api_key',
          label: 'false_positive',
        },
      ]);
      expectError(await resolve(app.baseUrl, { apiKey: key.secret }), 403, 'key_disabled');
      expect(await getKey(key.id)).toMatchObject({
        disabled: true,
        leak_reported_at: expect.any(String),
      });
      const events = keyEventsOnDisk(app.dataDir, key.id).slice(-2);
      expect(events.map((event) => [event.type, event.metadata.actor])).toEqual([
        ['KeyLeakReported', { kind: 'system', id: 'github-secret-scanning' }],
        ['KeyDisabled', { kind: 'system', id: 'github-secret-scanning' }],
      ]);
      expect(events[0].data).toMatchObject({
        source_url: url,
        source: 'content',
        action: 'disable',
      });
      expect(events[1].data).toMatchObject({
        reason: `Leak reported by GitHub secret scanning: ${url}`,
      });
      // No secret in any stored event.
      expect(JSON.stringify(keyEventsOnDisk(app.dataDir, key.id))).not.toContain(key.secret);
    });

    it.each([
      ['no signature', {}],
      ['a signature by another key', 'other'],
      ['an unknown key identifier', 'unknown'],
      ['a signature of another body', 'tampered'],
      ['a signature that is not DER', 'garbage'],
    ])('refuses %s with 401, acting on nothing', async (_, variant) => {
      const key = await createKey();
      const text = JSON.stringify([
        { token: key.secret, type: 't', url: 'https://x.test/a', source: 'content' },
      ]);
      const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
      const headers: Record<string, string> =
        variant === 'other'
          ? signed(text, other)
          : variant === 'unknown'
            ? { ...signed(text), 'github-public-key-identifier': 'f'.repeat(64) }
            : variant === 'tampered'
              ? signed(text.replace('content', 'commit!'))
              : variant === 'garbage'
                ? { ...signed(text), 'github-public-key-signature': 'bm90IGEgc2lnbmF0dXJl' }
                : {};
      const answered = await report(app.baseUrl, text, headers);
      expectError(answered as never, 401, 'invalid_signature');
      expect(JSON.stringify(answered.body)).not.toContain(key.secret);
      expect((await resolve(app.baseUrl, { apiKey: key.secret })).status).toBe(200);
    });

    it("revokes under an org policy's leaked_key_action, and notifies only under notify", async () => {
      const policy = (leaked_key_action: string) =>
        call(app.baseUrl, 'PUT', '/api/v1/orgs/org_a/key-policy', {
          auth: alice,
          body: { leaked_key_action, reason: 'leak response' },
        });
      expect((await policy('revoke')).status).toBe(200);
      const revoked = await createKey({ scope: 'org', org_id: 'org_a' });
      const text = JSON.stringify([
        { token: revoked.secret, type: 't', url: 'https://x.test/1', source: 'commit' },
      ]);
      expect((await report(app.baseUrl, text, signed(text))).status).toBe(200);
      expectError(await resolve(app.baseUrl, { apiKey: revoked.secret }), 401, 'invalid_api_key');
      expect(await getKey(revoked.id)).toMatchObject({ revoked: true });

      expect((await policy('notify')).status).toBe(200);
      const notified = await createKey({ scope: 'org', org_id: 'org_a' });
      const again = JSON.stringify([
        { token: notified.secret, type: 't', url: 'https://x.test/2', source: 'commit' },
      ]);
      expect((await report(app.baseUrl, again, signed(again))).status).toBe(200);
      expect((await resolve(app.baseUrl, { apiKey: notified.secret })).status).toBe(200);
      expect(keyEventsOnDisk(app.dataDir, notified.id).at(-1)).toMatchObject({
        type: 'KeyLeakReported',
        data: { action: 'notify' },
      });
    });

    it('shows the report in the audit log', async () => {
      const key = await createKey();
      const text = JSON.stringify([
        { token: key.secret, type: 't', url: 'https://x.test/3', source: 'gist' },
      ]);
      await report(app.baseUrl, text, signed(text));
      const history = await call<{ data: { type: string; summary: string }[] }>(
        app.baseUrl,
        'GET',
        `/api/v1/keys/${key.id}/history`,
        { auth: alice },
      );
      expect(history.body.data.map((entry) => entry.type)).toEqual(
        expect.arrayContaining(['KeyLeakReported', 'KeyDisabled']),
      );
    });
  });

  describe('POST /api/v1/keys/report-leak', () => {
    it('answers the same whether or not the secret is a key, and disables the key it is', async () => {
      const key = await createKey();
      const body = (secret: string) => ({ secret, source_url: 'https://paste.test/x' });
      const miss = await call(app.baseUrl, 'POST', '/api/v1/keys/report-leak', {
        auth: alice,
        body: body(`rk_${'1'.repeat(64)}`),
      });
      const hit = await call(app.baseUrl, 'POST', '/api/v1/keys/report-leak', {
        auth: alice,
        body: body(key.secret),
      });
      expect([hit.status, hit.body]).toEqual([miss.status, miss.body]);
      expect(hit).toMatchObject({ status: 202, body: { data: { received: true } } });
      expectError(await resolve(app.baseUrl, { apiKey: key.secret }), 403, 'key_disabled');
      expect(keyEventsOnDisk(app.dataDir, key.id).at(-2)).toMatchObject({
        type: 'KeyLeakReported',
        data: { reporter: 'management_api', source: 'report' },
        metadata: { actor: { kind: 'user', id: 'alice' } },
      });
    });

    it('refuses a bad source_url alike for a key and for nothing', async () => {
      const key = await createKey();
      for (const secret of [key.secret, 'not-a-key']) {
        const answered = await call(app.baseUrl, 'POST', '/api/v1/keys/report-leak', {
          auth: alice,
          body: { secret, source_url: 'ftp://x' },
        });
        expectError(answered, 400, 'validation_failed');
        expect(JSON.stringify(answered.body)).not.toContain(secret);
      }
      expect((await resolve(app.baseUrl, { apiKey: key.secret })).status).toBe(200);
    });

    it('needs credentials', async () => {
      expectError(
        await call(app.baseUrl, 'POST', '/api/v1/keys/report-leak', { body: { secret: 'x' } }),
        401,
        'authentication_required',
      );
    });
  });
});
