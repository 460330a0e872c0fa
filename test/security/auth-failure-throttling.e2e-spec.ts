import { DEFAULT_AUTH_FAILURE_LIMITS } from '../../apps/api/src/auth/auth-failure-throttle';
import { call, expectError } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

const LIMIT = DEFAULT_AUTH_FAILURE_LIMITS.maxFailures;

describe('auth-failure throttling (per client address, per instance)', () => {
  let app: TestApp;
  let alice: string;

  beforeAll(async () => {
    app = await startTestApp();
    alice = await app.token('alice');
  });
  afterAll(() => app.close());

  /** A request from `address` (X-Forwarded-For from loopback is believed: TRUST_PROXY=loopback). */
  const from = (address: string, auth?: string | { apiKey: string }) =>
    call(app.baseUrl, 'GET', '/api/v1/keys', { auth, headers: { 'x-forwarded-for': address } });

  const codeFor = (auth: string | { apiKey: string }) =>
    typeof auth === 'string' ? 'invalid_token' : 'invalid_api_key';

  /** Uses up the address's allowance: each failure still gets its honest 401. */
  async function failRepeatedly(address: string, auth: string | { apiKey: string }) {
    for (let i = 0; i < LIMIT; i++) expectError(await from(address, auth), 401, codeFor(auth));
  }

  it.each<[string, string | { apiKey: string }]>([
    ['bad tokens', 'not-a-jwt'],
    ['unknown API keys', { apiKey: `rk_${'0'.repeat(64)}` }],
  ])('refuses an address with 429 and Retry-After after %s', async (_, bad) => {
    const address = typeof bad === 'string' ? '203.0.113.1' : '203.0.113.2';
    await failRepeatedly(address, bad);
    const throttled = await from(address, bad);
    expectError(throttled, 429, 'too_many_auth_failures');
    const retryAfter = Number(throttled.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    // Refused before checking: a guess that happens to be right gets the same answer.
    expectError(await from(address, alice), 429, 'too_many_auth_failures');
  });

  it('never answers missing credentials with 429, even from a throttled address', async () => {
    await failRepeatedly('203.0.113.3', 'not-a-jwt');
    expectError(await from('203.0.113.3'), 401, 'authentication_required');
  });

  it('leaves other addresses alone', async () => {
    await failRepeatedly('203.0.113.4', 'not-a-jwt');
    expect((await from('203.0.113.5', alice)).status).toBe(200);
  });

  it('never throttles successful requests, however many', async () => {
    for (let i = 0; i < LIMIT * 3; i++) expect((await from('203.0.113.6', alice)).status).toBe(200);
  });
});

describe('whose X-Forwarded-For is believed (TRUST_PROXY)', () => {
  it('ignores it when no proxy is trusted, so a client cannot dodge the throttle by forging it', async () => {
    const app = await startTestApp({ env: { TRUST_PROXY: 'false' } });
    try {
      for (let i = 0; i < LIMIT; i++) {
        const forged = { 'x-forwarded-for': `198.51.100.${i}` };
        expectError(
          await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: 'bad', headers: forged }),
          401,
          'invalid_token',
        );
      }
      const next = { 'x-forwarded-for': '198.51.100.250' };
      expectError(
        await call(app.baseUrl, 'GET', '/api/v1/keys', { auth: 'bad', headers: next }),
        429,
        'too_many_auth_failures',
      );
    } finally {
      await app.close();
    }
  });
});
