import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, DEV_JWT_SECRET, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('falls back to the documented defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      dataDir: './data',
      keyPrefix: 'rk_',
      jwt: { secret: DEV_JWT_SECRET, usesDevSecret: true, jwksUrl: null },
    });
  });

  it('reads and coerces the settings it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATA_DIR: '/var/lib/keyledger',
      JWT_SECRET: 'x'.repeat(40),
      KEY_PREFIX: 'sk-',
    });
    expect(config).toMatchObject({
      port: 8080,
      dataDir: '/var/lib/keyledger',
      keyPrefix: 'sk-',
      jwt: { usesDevSecret: false },
    });
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['JWT_SECRET', 'short'],
    ['KEY_PREFIX', 'rk prefix!'],
    ['JWT_JWKS_URL', 'not a url'],
    ['LOG_LEVEL', 'loud'],
    ['PROJECTIONS', 'sometimes'],
    ['TRUST_PROXY', 'everyone; rm -rf'],
    ['PLANS_FILE', '/nonexistent/plans.json'],
    ['USAGE_FLUSH_INTERVAL_MS', '5'],
    ['USAGE_RESERVATION_CREDITS', '-1'],
    ['AUDIT_SIGNING_KEY_FILE', '/nonexistent/key.pem'],
    ['AUDIT_TREE_HEAD_EVERY', '0'],
    ['AUDIT_TREE_HEAD_MS', 'soon'],
  ])('refuses a bad %s and names it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`));
  });

  it('chooses the stores, requiring their URLs', () => {
    expect(loadConfig({ DATA_DIR: '/d' }).eventStore).toEqual({
      kind: 'sqlite',
      file: '/d/events.sqlite',
    });
    expect(
      loadConfig({ EVENT_STORE: 'esdb', EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' })
        .eventStore,
    ).toEqual({
      kind: 'esdb',
      url: 'esdb://localhost:2113?tls=false',
    });
    expect(() => loadConfig({ EVENT_STORE: 'esdb' })).toThrow(/EVENTSTORE_URL: is required/);
    expect(() => loadConfig({ READ_STORE: 'mongo' })).toThrow(/MONGO_URL: is required/);
    expect(() => loadConfig({ READ_STORE: 'mongo', MONGO_URL: 'http://x' })).toThrow(/MONGO_URL/);
    expect(loadConfig({ READ_STORE: 'mongo', MONGO_URL: 'mongodb://m:27017/k' }).readStore).toEqual(
      { kind: 'mongo', url: 'mongodb://m:27017/k' },
    );
  });

  it('keeps the read models in a SQLite file beside the events unless told otherwise', () => {
    expect(loadConfig({ DATA_DIR: '/srv/kl' }).readStore).toEqual({
      kind: 'sqlite',
      file: join('/srv/kl', 'read-models.sqlite'),
    });
    expect(loadConfig({ READ_STORE: 'memory' }).readStore).toEqual({ kind: 'memory' });
    expect(() => loadConfig({ READ_STORE: 'redis' })).toThrow(/READ_STORE/);
  });

  it('signs the console in with a token only, or at an OIDC issuer whose JWKS the API reads', () => {
    expect(loadConfig({}).console).toEqual({ dir: 'dist/console', oidc: null });
    const issuer = 'https://id.example.com';
    expect(
      loadConfig({
        CONSOLE_OIDC_ISSUER: issuer,
        CONSOLE_OIDC_CLIENT_ID: 'console',
        JWT_JWKS_URL: `${issuer}/jwks`,
      }).console.oidc,
    ).toEqual({ issuer, clientId: 'console', scope: 'openid' });
    expect(() => loadConfig({ CONSOLE_OIDC_ISSUER: issuer, JWT_JWKS_URL: issuer })).toThrow(
      /CONSOLE_OIDC_CLIENT_ID: CONSOLE_OIDC_ISSUER and CONSOLE_OIDC_CLIENT_ID go together/,
    );
    expect(() =>
      loadConfig({ CONSOLE_OIDC_ISSUER: issuer, CONSOLE_OIDC_CLIENT_ID: 'console' }),
    ).toThrow(/JWT_JWKS_URL: is required with CONSOLE_OIDC_ISSUER/);
  });

  it('runs projections itself unless told a separate projector shares the read store', () => {
    expect(loadConfig({}).projections).toBe('embedded');
    const external = { PROJECTIONS: 'external', READ_STORE: 'mongo', MONGO_URL: 'mongodb://db/' };
    expect(loadConfig(external).projections).toBe('external');
    expect(loadConfig({ PROJECTIONS: 'external' }).projections).toBe('external');
    expect(() => loadConfig({ PROJECTIONS: 'external', READ_STORE: 'memory' })).toThrow(
      /PROJECTIONS: external needs a shared read store/,
    );
  });

  it('reads the plan catalog of PLANS_FILE and refuses a malformed one, naming the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'keyledger-plans-'));
    const file = join(dir, 'plans.json');
    writeFileSync(
      file,
      JSON.stringify({ default_tier: 'free', tiers: { free: { models: ['*'] } } }),
    );
    expect(loadConfig({ PLANS_FILE: file }).resolution.plans).toEqual({
      default_tier: 'free',
      tiers: { free: { models: ['*'] } },
    });
    writeFileSync(file, JSON.stringify({ default_tier: 'gold', tiers: {} }));
    expect(() => loadConfig({ PLANS_FILE: file })).toThrow(/PLANS_FILE: .*default_tier/s);
    writeFileSync(file, '{not json');
    expect(() => loadConfig({ PLANS_FILE: file })).toThrow(/PLANS_FILE: .*plans\.json/);
    rmSync(dir, { recursive: true });
  });

  it('believes X-Forwarded-For from loopback proxies only, unless told otherwise', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.7' }).trustProxy).toBe(
      '10.0.0.0/8, 192.168.1.7',
    );
  });

  it('keeps the audit tree beside the events and signs heads by count and by time', () => {
    expect(loadConfig({ DATA_DIR: '/d' }).auditTree).toEqual({
      file: '/d/audit-tree.sqlite',
      signingKeyFile: null,
      heads: { every: 1_000, intervalMs: 10_000 },
    });
    expect(
      loadConfig({ AUDIT_TREE_HEAD_EVERY: '10', AUDIT_TREE_HEAD_MS: '250' }).auditTree.heads,
    ).toEqual({ every: 10, intervalMs: 250 });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });
});
