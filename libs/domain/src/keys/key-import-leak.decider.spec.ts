import { given, KEY_CREATED_AT, keyCreated } from '../testing';
import { NO_KEY_POLICY } from '../org-key-policy/org-key-policy';
import { ImportKey, ReportKeyLeak } from './key.commands';
import { KeyEvent } from './key.events';
import { keyDecider } from './key.decider';
import { importedKeyId } from './key-import';

const t0 = KEY_CREATED_AT;
const HASH = 'AB'.repeat(32);

const importKey = (overrides: Partial<ImportKey> = {}): ImportKey => ({
  type: 'ImportKey',
  key_id: 'k1',
  hash: HASH,
  hash_algorithm: 'sha256',
  prefix: 'sk-or-v1-',
  origin: 'openrouter',
  name: 'migrated',
  active_org_id: 'org_1',
  creator_orgs: [{ id: 'org_1', permissions: ['manageApiKeys'] }],
  owner_user_id: 'u1',
  plan_tier: null,
  now: t0,
  ...overrides,
});

const report = (overrides: Partial<ReportKeyLeak> = {}): ReportKeyLeak => ({
  type: 'ReportKeyLeak',
  source_url: 'https://github.com/o/r/blob/main/.env',
  source: 'commit',
  reporter: 'github_secret_scanning',
  action: 'disable',
  now: t0,
  ...overrides,
});

const created = keyCreated();
const revoked: KeyEvent = {
  type: 'KeyRevoked',
  data: { key_id: 'k1', reason: null, revoked_at: t0 },
};

describe('ImportKey', () => {
  it('creates the key with its lower-cased hash and its prefix as label, then records the import', () => {
    given(keyDecider, [])
      .when(importKey({ limit: 5, limit_reset: 'monthly', external_id: 'or_1' }))
      .then([
        keyCreated({
          hash: HASH.toLowerCase(),
          label: 'sk-or-v1-…',
          name: 'migrated',
          limit: 5,
          limit_reset: 'monthly',
          external_id: 'or_1',
        }),
        {
          type: 'KeyImported',
          data: {
            key_id: 'k1',
            hash_algorithm: 'sha256',
            prefix: 'sk-or-v1-',
            origin: 'openrouter',
            imported_at: t0,
          },
        },
      ]);
  });

  it.each([
    ['hash', { hash: 'abc' }],
    ['hash', { hash: 42 }],
    ['hash_algorithm', { hash_algorithm: 'md5' }],
    ['prefix', { prefix: 'sk or' }],
    ['prefix', { prefix: 'x'.repeat(33) }],
    ['name', { name: '' }],
    ['scopes', { scopes: ['nope'] }],
  ])('refuses a bad %s', (field, overrides) => {
    given(keyDecider, [])
      .when(importKey(overrides as Partial<ImportKey>))
      .thenFails('validation_failed', field);
  });

  it("holds an org key to its org's policy, as a create", () => {
    const policy = { ...NO_KEY_POLICY, require_limit: true };
    given(keyDecider, [])
      .when(
        importKey({ scope: 'org', org_id: 'org_1', org_key_policy: { org_id: 'org_1', policy } }),
      )
      .thenFails('policy_violation');
  });

  it('refuses a key that exists already', () => {
    given(keyDecider, [created]).when(importKey()).thenFails('already_exists');
  });

  it('derives one UUID-shaped id per hash', () => {
    const id = importedKeyId(HASH.toLowerCase());
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(importedKeyId(HASH.toLowerCase())).toBe(id);
    expect(importedKeyId('cd'.repeat(32))).not.toBe(id);
  });
});

describe('ReportKeyLeak', () => {
  it('records where the secret was found and what is done about it', () => {
    given(keyDecider, [created])
      .when(report())
      .then([
        {
          type: 'KeyLeakReported',
          data: {
            key_id: 'k1',
            source_url: 'https://github.com/o/r/blob/main/.env',
            source: 'commit',
            reporter: 'github_secret_scanning',
            action: 'disable',
            reported_at: t0,
          },
        },
      ]);
  });

  it('is recorded on a revoked key too: a fact, which changes nothing', () => {
    given(keyDecider, [created, revoked])
      .when(report({ action: 'notify', source_url: null }))
      .then([
        {
          type: 'KeyLeakReported',
          data: {
            key_id: 'k1',
            source_url: null,
            source: 'commit',
            reporter: 'github_secret_scanning',
            action: 'notify',
            reported_at: t0,
          },
        },
      ]);
  });

  it.each([
    ['source_url', { source_url: 'javascript:alert(1)' }],
    ['source_url', { source_url: `https://x/${'a'.repeat(2048)}` }],
    ['source', { source: '' }],
  ])('refuses a bad %s', (field, overrides) => {
    given(keyDecider, [created]).when(report(overrides)).thenFails('validation_failed', field);
  });

  it('on a missing key is not_found', () => {
    given(keyDecider, []).when(report()).thenFails('not_found');
  });
});
