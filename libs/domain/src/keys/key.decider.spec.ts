import { given } from '../testing/given-when-then';
import { CreateKey } from './key.commands';
import { KeyCreated, KeyEvent } from './key.events';
import { keyDecider } from './key.decider';

const now = '2026-11-23T10:00:00.000Z';
const create = (overrides: Partial<CreateKey> = {}): CreateKey => ({
  type: 'CreateKey',
  key_id: 'k1',
  hash: 'h1',
  label: 'rk_0123…cdef',
  name: 'ci',
  active_org_id: 'org_1',
  owner_user_id: 'u1',
  plan_tier: 'free',
  now,
  ...overrides,
});
const created = (overrides: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    key_id: 'k1',
    hash: 'h1',
    label: 'rk_0123…cdef',
    name: 'ci',
    scope: 'personal',
    owner_user_id: 'u1',
    org_id: null,
    scopes: ['completions', 'skills'],
    limit: null,
    limit_reset: null,
    include_byok_in_limit: false,
    plan_tier: 'free',
    expires_at: null,
    created_at: now,
    ...overrides,
  },
});
const revoked: KeyEvent = { type: 'KeyRevoked', data: { key_id: 'k1', reason: null, revoked_at: now } };
const key = (...events: KeyEvent[]) => given(keyDecider, [created(), ...events]);

describe('key decider: create', () => {
  it('creates a personal key with default scopes when neither scope nor org is given', () => {
    given(keyDecider, []).when(create()).then([created()]);
  });

  it('never attaches the active org to a personal key', () => {
    given(keyDecider, []).when(create({ scope: 'personal', active_org_id: 'org_9' })).then([created()]);
  });

  it('refuses an org_id on a personal key', () => {
    given(keyDecider, []).when(create({ scope: 'personal', org_id: 'org_1' })).thenFails('validation_failed', 'org_id');
  });

  it('makes an org key when org_id is given without a scope', () => {
    given(keyDecider, []).when(create({ org_id: 'org_2' })).then([created({ scope: 'org', org_id: 'org_2' })]);
  });

  it('falls back to the active org for an org key without org_id', () => {
    given(keyDecider, []).when(create({ scope: 'org' })).then([created({ scope: 'org', org_id: 'org_1' })]);
  });

  it('refuses an org key with neither org_id nor an active org', () => {
    given(keyDecider, []).when(create({ scope: 'org', active_org_id: null })).thenFails('validation_failed', 'org_id');
  });

  it('records limits, scopes and expiry as given, trimming the name', () => {
    given(keyDecider, [])
      .when(create({ name: '  ci  ', scopes: ['completions', 'management'], limit: 12.5, limit_reset: 'weekly', include_byok_in_limit: true, expires_at: '2027-01-01T00:00:00.000Z' }))
      .then([created({ scopes: ['completions', 'management'], limit: 12.5, limit_reset: 'weekly', include_byok_in_limit: true, expires_at: '2027-01-01T00:00:00.000Z' })]);
  });

  it.each([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(129) }],
    ['scopes', { scopes: [] }],
    ['scopes', { scopes: ['root'] }],
    ['scopes', { scopes: ['skills', 'skills'] }],
    ['limit', { limit: -1 }],
    ['limit', { limit: Number.NaN }],
    ['limit', { limit: Number.POSITIVE_INFINITY }],
    ['limit_reset', { limit_reset: 'hourly' as 'daily' }],
    ['expires_at', { expires_at: 'tomorrow' }],
    ['expires_at', { expires_at: '2026-11-23T09:59:59.000Z' }],
  ])('refuses a bad %s', (field, overrides) => {
    given(keyDecider, []).when(create(overrides as Partial<CreateKey>)).thenFails('validation_failed', field);
  });

  it('lists every bad field at once', () => {
    expect(() => keyDecider.decide(create({ name: '', limit: -1 }), keyDecider.initialState)).toThrow(/name.*limit/);
  });

  it('refuses to create a key twice', () => {
    key().when(create()).thenFails('already_exists');
  });
});

describe('key decider: lifecycle', () => {
  it('refuses every command on a missing key', () => {
    given(keyDecider, []).when({ type: 'DisableKey' }).thenFails('not_found');
  });

  it.each<[string, Parameters<typeof keyDecider.decide>[0]]>([
    ['rename', { type: 'RenameKey', name: 'x' }],
    ['disable', { type: 'DisableKey' }],
    ['enable', { type: 'EnableKey' }],
    ['set limit', { type: 'SetKeyLimit', limit: 1 }],
    ['reset limit', { type: 'ResetKeyLimit', reason: 'r', now }],
    ['set expiry', { type: 'SetKeyExpiry', expires_at: null, now }],
    ['bind', { type: 'BindPreference', preference_id: 'p1' }],
    ['set rules', { type: 'SetKeyRoutingRules', routing: { rules: [], examples: [], confidence_floor_overrides: {} } }],
    ['rotate', { type: 'RotateKey', hash: 'h2', label: 'l', grace_period_seconds: 0, now }],
    ['revoke', { type: 'RevokeKey', now }],
  ])('a revoked key refuses %s', (_, command) => {
    key(revoked).when(command).thenFails('key_revoked');
  });

  it('renames, and does nothing for the same name', () => {
    key().when({ type: 'RenameKey', name: 'prod ' }).then([{ type: 'KeyRenamed', data: { key_id: 'k1', name: 'prod', previous_name: 'ci' } }]);
    key().when({ type: 'RenameKey', name: 'ci' }).then([]);
    key().when({ type: 'RenameKey', name: '' }).thenFails('validation_failed', 'name');
  });

  it('disables and enables, idempotently', () => {
    const disabled: KeyEvent = { type: 'KeyDisabled', data: { key_id: 'k1', reason: 'leaked' } };
    key().when({ type: 'DisableKey', reason: 'leaked' }).then([disabled]);
    key(disabled).when({ type: 'DisableKey' }).then([]);
    key(disabled).when({ type: 'EnableKey' }).then([{ type: 'KeyEnabled', data: { key_id: 'k1' } }]);
    key().when({ type: 'EnableKey' }).then([]);
  });

  it('sets limits, keeping fields that are left out', () => {
    const set: KeyEvent = { type: 'KeyLimitSet', data: { key_id: 'k1', limit: 10, limit_reset: 'daily', include_byok_in_limit: false } };
    key().when({ type: 'SetKeyLimit', limit: 10, limit_reset: 'daily' }).then([set]);
    key(set).when({ type: 'SetKeyLimit', include_byok_in_limit: true }).then([
      { type: 'KeyLimitSet', data: { key_id: 'k1', limit: 10, limit_reset: 'daily', include_byok_in_limit: true } },
    ]);
    key(set).when({ type: 'SetKeyLimit', limit: null }).then([
      { type: 'KeyLimitSet', data: { key_id: 'k1', limit: null, limit_reset: 'daily', include_byok_in_limit: false } },
    ]);
    key(set).when({ type: 'SetKeyLimit', limit: 10 }).then([]);
    key().when({ type: 'SetKeyLimit', limit: -5 }).thenFails('validation_failed', 'limit');
  });

  it('resets a limit with a reason', () => {
    key().when({ type: 'ResetKeyLimit', reason: ' monthly review ', now }).then([
      { type: 'KeyLimitReset', data: { key_id: 'k1', reason: 'monthly review', reset_at: now } },
    ]);
    key().when({ type: 'ResetKeyLimit', reason: '', now }).thenFails('validation_failed', 'reason');
  });

  it('sets and clears an expiry in the future only', () => {
    const expiry: KeyEvent = { type: 'KeyExpirySet', data: { key_id: 'k1', expires_at: '2027-01-01T00:00:00.000Z' } };
    key().when({ type: 'SetKeyExpiry', expires_at: '2027-01-01T00:00:00.000Z', now }).then([expiry]);
    key(expiry).when({ type: 'SetKeyExpiry', expires_at: null, now }).then([{ type: 'KeyExpirySet', data: { key_id: 'k1', expires_at: null } }]);
    key().when({ type: 'SetKeyExpiry', expires_at: null, now }).then([]);
    key().when({ type: 'SetKeyExpiry', expires_at: '2020-01-01T00:00:00.000Z', now }).thenFails('validation_failed', 'expires_at');
  });

  it('binds, rebinds, clears and detaches a deleted preference', () => {
    const bound: KeyEvent = { type: 'PreferenceBound', data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null } };
    key().when({ type: 'BindPreference', preference_id: 'p1' }).then([bound]);
    key(bound).when({ type: 'BindPreference', preference_id: 'p1' }).then([]);
    key(bound).when({ type: 'BindPreference', preference_id: 'p2' }).then([
      { type: 'PreferenceBound', data: { key_id: 'k1', preference_id: 'p2', previous_preference_id: 'p1' } },
    ]);
    key(bound).when({ type: 'BindPreference', preference_id: null }).then([
      { type: 'PreferenceUnbound', data: { key_id: 'k1', preference_id: 'p1', reason: 'cleared' } },
    ]);
    key().when({ type: 'BindPreference', preference_id: null }).then([]);
    key(bound).when({ type: 'DetachDeletedPreference', preference_id: 'p1' }).then([
      { type: 'PreferenceUnbound', data: { key_id: 'k1', preference_id: 'p1', reason: 'preference_deleted' } },
    ]);
    key(bound).when({ type: 'DetachDeletedPreference', preference_id: 'p9' }).then([]);
  });

  it('sets key-first rules (clamping confidence) and clears them', () => {
    const rule = { pattern: '^sql', target_mode: 'code', target_engine: null, confidence: 2, description: null };
    const routing = { rules: [rule], examples: [], confidence_floor_overrides: {} };
    const set: KeyEvent = { type: 'KeyRoutingRulesSet', data: { key_id: 'k1', rules: [{ ...rule, confidence: 0.99 }], examples: [], confidence_floor_overrides: {} } };
    key().when({ type: 'SetKeyRoutingRules', routing }).then([set]);
    key(set).when({ type: 'ClearKeyRoutingRules' }).then([{ type: 'KeyRoutingRulesCleared', data: { key_id: 'k1' } }]);
    key().when({ type: 'ClearKeyRoutingRules' }).then([]);
    key().when({ type: 'SetKeyRoutingRules', routing: { ...routing, rules: [{ ...rule, pattern: '(' }] } }).thenFails('validation_failed', 'rules[0].pattern');
  });

  it('rotates, with or without a grace period for the old secret', () => {
    key().when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now }).then([
      { type: 'KeySecretRotated', data: { key_id: 'k1', hash: 'h2', label: 'l2', previous_hash: 'h1', previous_valid_until: null } },
    ]);
    key().when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 3600, now }).then([
      { type: 'KeySecretRotated', data: { key_id: 'k1', hash: 'h2', label: 'l2', previous_hash: 'h1', previous_valid_until: '2026-11-23T11:00:00.000Z' } },
    ]);
    key().when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: -1, now }).thenFails('validation_failed', 'grace_period_seconds');
  });

  it('rotates from the newest hash after an earlier rotation', () => {
    const rotated: KeyEvent = { type: 'KeySecretRotated', data: { key_id: 'k1', hash: 'h2', label: 'l2', previous_hash: 'h1', previous_valid_until: null } };
    key(rotated).when({ type: 'RotateKey', hash: 'h3', label: 'l3', grace_period_seconds: 0, now }).then([
      { type: 'KeySecretRotated', data: { key_id: 'k1', hash: 'h3', label: 'l3', previous_hash: 'h2', previous_valid_until: null } },
    ]);
  });

  it('revokes', () => {
    key().when({ type: 'RevokeKey', reason: 'offboarding', now }).then([
      { type: 'KeyRevoked', data: { key_id: 'k1', reason: 'offboarding', revoked_at: now } },
    ]);
  });
});
