import { call, expectError } from '../support/http';
import { KeyAnswer } from '../support/key-api';
import { startTestApp, TestApp } from '../support/test-app';
import { resolve } from '../resolution/resolution-support';

describe('KEY_FORMAT=checksummed', () => {
  let app: TestApp;
  let alice: string;

  beforeAll(async () => {
    app = await startTestApp({ env: { KEY_FORMAT: 'checksummed' } });
    alice = await app.token('alice');
  });
  afterAll(() => app.close());

  const createKey = async () => {
    const created = await call<KeyAnswer>(app.baseUrl, 'POST', '/api/v1/keys', {
      auth: alice,
      body: { name: 'checked' },
    });
    return created.body;
  };

  it('issues the prefix, 64 hex characters and a 6-character checksum, which resolve', async () => {
    const { data, secret } = await createKey();
    expect(secret).toMatch(/^rk_[0-9a-f]{64}[0-9A-Za-z]{6}$/);
    expect(data.label).toBe(`rk_${secret!.slice(3, 7)}…${secret!.slice(63, 67)}`);
    expect((await resolve(app.baseUrl, { apiKey: secret! })).status).toBe(200);
    const rotated = await call<KeyAnswer>(app.baseUrl, 'POST', `/api/v1/keys/${data.id}/rotate`, {
      auth: alice,
      body: {},
    });
    expect(rotated.body.secret).toMatch(/^rk_[0-9a-f]{64}[0-9A-Za-z]{6}$/);
  });

  it('refuses a mistyped or truncated secret as an unknown key', async () => {
    const { secret } = await createKey();
    const swap = (at: number) =>
      secret!.slice(0, at) + (secret![at] === 'a' ? 'b' : 'a') + secret!.slice(at + 1);
    for (const typo of [swap(10), swap(secret!.length - 1), secret!.slice(0, -1)]) {
      expectError(await resolve(app.baseUrl, { apiKey: typo }), 401, 'invalid_api_key');
    }
  });
});
