import { ConfigError, DEV_WEBHOOK_SECRET_KEY, loadConfig } from '@keyledger/runtime';

describe('webhook configuration', () => {
  it('runs the worker by default, with its ledger in DATA_DIR and the documented retries', () => {
    expect(loadConfig({ DATA_DIR: '/var/lib/keyledger' }).webhooks).toEqual({
      worker: true,
      ledgerFile: '/var/lib/keyledger/webhooks.sqlite',
      secretKey: DEV_WEBHOOK_SECRET_KEY,
      usesDevSecretKey: true,
      retry: { maxAttempts: 16, baseDelayMs: 10_000, maxDelayMs: 3_600_000 },
      timeoutMs: 10_000,
      // Nothing private is reachable unless the operator says so (WEBHOOK_ALLOW_PRIVATE_TARGETS).
      allowedPrivateTargets: [],
    });
  });

  it('reads the settings it is given', () => {
    const { webhooks } = loadConfig({
      WEBHOOKS: 'off',
      WEBHOOK_SECRET_KEY: 'k'.repeat(32),
      WEBHOOK_MAX_ATTEMPTS: '5',
      WEBHOOK_RETRY_BASE_MS: '500',
      WEBHOOK_RETRY_MAX_MS: '60000',
      WEBHOOK_TIMEOUT_MS: '2000',
    });
    expect(webhooks).toMatchObject({
      worker: false,
      usesDevSecretKey: false,
      retry: { maxAttempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 },
      timeoutMs: 2000,
    });
  });

  it.each([
    ['WEBHOOKS', { WEBHOOKS: 'yes' }],
    ['WEBHOOK_SECRET_KEY', { WEBHOOK_SECRET_KEY: 'too-short' }],
    ['WEBHOOK_MAX_ATTEMPTS', { WEBHOOK_MAX_ATTEMPTS: '0' }],
    ['WEBHOOK_RETRY_MAX_MS', { WEBHOOK_RETRY_BASE_MS: '5000', WEBHOOK_RETRY_MAX_MS: '1000' }],
    ['WEBHOOK_TIMEOUT_MS', { WEBHOOK_TIMEOUT_MS: 'soon' }],
  ])('refuses a bad %s, naming it', (name, env) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(name));
  });
});
