import { KeyEvent } from '@keyledger/domain';
import { recordedEvent } from '@keyledger/event-store/testing';
import { history, occurredAt, project } from '../testing/history';
import { keyCreated } from '../testing/key-events';
import { KeyDocument } from './key.document';
import { revisionShown } from '../shared/revision-shown';
import { keyProjection } from './key.projection';

const T = '2026-02-01T00:00:00.000Z';

/** The key document after the events, all on key k1's stream. */
const keyAfter = (...events: readonly KeyEvent[]): KeyDocument | undefined =>
  project(keyProjection, history(...events.map((event) => ['key-k1', event] as const))).get('k1');

const created: KeyDocument = {
  id: 'k1',
  hash: 'hash-k1',
  previous_hash: null,
  previous_hash_valid_until: null,
  label: 'rk_0123…cdef',
  name: 'Key k1',
  scope: 'personal',
  owner_user_id: 'user_1',
  org_id: null,
  audience: 'user:user_1',
  org_permissions: [],
  scopes: ['completions'],
  disabled: false,
  disabled_reason: null,
  revoked: false,
  limit: null,
  limit_reset: null,
  include_byok_in_limit: false,
  limit_reset_at: null,
  plan_tier: 'free',
  routing_preference_id: null,
  has_routing_rules: false,
  routing_rules: null,
  allowed_ips: [],
  rate_limits: [],
  alert_thresholds: [],
  metadata: {},
  external_id: null,
  created_at: '2026-01-01T00:00:00.000Z',
  secret_issued_at: '2026-01-01T00:00:00.000Z',
  updated_at: occurredAt(1),
  expires_at: null,
  revoked_at: null,
  revoke_reason: null,
  stream_revision: 0,
  hash_scheme: 'native',
  imported: null,
  leak_reported_at: null,
};

const rules = {
  rules: [
    {
      pattern: '^sql',
      target_mode: 'code',
      target_engine: null,
      confidence: 0.8,
      description: null,
    },
  ],
  examples: [{ prompt: 'select 1', expected_mode: 'code' }],
  confidence_floor_overrides: { code: 0.7 },
};

describe('keyProjection', () => {
  it('keeps the revision of its stream that it shows, the one revisionShown reads from the stream', () => {
    const renamed = (keyId: string, name: string): KeyEvent => ({
      type: 'KeyRenamed',
      data: { key_id: keyId, name, previous_name: `Key ${keyId}`, renamed_at: T },
    });
    const events = history(
      ['key-k1', keyCreated('k1')],
      ['key-k2', keyCreated('k2')],
      ['key-k1', renamed('k1', 'a')],
      ['key-k2', renamed('k2', 'b')],
      ['key-k1', renamed('k1', 'c')],
    );
    const k1 = events.filter((event) => event.stream === 'key-k1');
    expect(project(keyProjection, events).get('k1')?.stream_revision).toBe(
      revisionShown(k1, events.length),
    );
    expect(project(keyProjection, events.slice(0, 3)).get('k1')?.stream_revision).toBe(
      revisionShown(k1, 3),
    );
  });

  it('creates a personal key visible to its owner', () => {
    expect(keyAfter(keyCreated('k1'))).toEqual(created);
  });

  it('makes an org key visible to its org', () => {
    expect(
      keyAfter(
        keyCreated('k1', { scope: 'org', org_id: 'org_1', org_permissions: ['manageApiKeys'] }),
      ),
    ).toMatchObject({
      scope: 'org',
      org_id: 'org_1',
      audience: 'org:org_1',
      org_permissions: ['manageApiKeys'],
    });
  });

  it.each<[string, KeyEvent, Partial<KeyDocument>]>([
    [
      'KeyRenamed',
      {
        type: 'KeyRenamed',
        data: { key_id: 'k1', name: 'CI', previous_name: 'Key k1', renamed_at: T },
      },
      { name: 'CI' },
    ],
    [
      'KeyDisabled',
      { type: 'KeyDisabled', data: { key_id: 'k1', reason: 'leaked in a log', disabled_at: T } },
      { disabled: true, disabled_reason: 'leaked in a log' },
    ],
    [
      'KeyLimitSet',
      {
        type: 'KeyLimitSet',
        data: {
          key_id: 'k1',
          limit: 12.5,
          limit_reset: 'monthly',
          include_byok_in_limit: true,
          changed_at: T,
        },
      },
      { limit: 12.5, limit_reset: 'monthly', include_byok_in_limit: true },
    ],
    [
      'KeyLimitReset',
      { type: 'KeyLimitReset', data: { key_id: 'k1', reason: 'new budget', reset_at: T } },
      { limit_reset_at: T },
    ],
    [
      'KeyExpirySet',
      { type: 'KeyExpirySet', data: { key_id: 'k1', expires_at: T, changed_at: T } },
      { expires_at: T },
    ],
    [
      'PreferenceBound',
      {
        type: 'PreferenceBound',
        data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null, bound_at: T },
      },
      { routing_preference_id: 'p1' },
    ],
    [
      'KeyRoutingRulesSet',
      { type: 'KeyRoutingRulesSet', data: { key_id: 'k1', ...rules, changed_at: T } },
      { has_routing_rules: true, routing_rules: rules },
    ],
    [
      'KeySecretRotated',
      {
        type: 'KeySecretRotated',
        data: {
          key_id: 'k1',
          hash: 'hash-2',
          label: 'rk_4567…89ab',
          previous_hash: 'hash-k1',
          previous_valid_until: T,
          rotated_at: T,
        },
      },
      {
        hash: 'hash-2',
        label: 'rk_4567…89ab',
        previous_hash: 'hash-k1',
        previous_hash_valid_until: T,
        secret_issued_at: T,
      },
    ],
    [
      'KeyImported',
      {
        type: 'KeyImported',
        data: {
          key_id: 'k1',
          hash_algorithm: 'sha256',
          prefix: 'sk-or-v1-',
          origin: 'openrouter',
          imported_at: T,
        },
      },
      {
        hash_scheme: 'sha256',
        imported: { prefix: 'sk-or-v1-', origin: 'openrouter', imported_at: T },
      },
    ],
    [
      'KeyLeakReported',
      {
        type: 'KeyLeakReported',
        data: {
          key_id: 'k1',
          source_url: 'https://github.com/o/r',
          source: 'commit',
          reporter: 'github_secret_scanning',
          action: 'notify',
          reported_at: T,
        },
      },
      { leak_reported_at: T },
    ],
    [
      'KeyRevoked',
      { type: 'KeyRevoked', data: { key_id: 'k1', reason: 'offboarding', revoked_at: T } },
      { revoked: true, revoked_at: T, revoke_reason: 'offboarding' },
    ],
  ])('applies %s and stamps updated_at with when it happened', (_type, event, changes) => {
    expect(keyAfter(keyCreated('k1'), event)).toEqual({
      ...created,
      ...changes,
      updated_at: occurredAt(2),
      stream_revision: 1,
    });
  });

  it('applies KeyEnabled after KeyDisabled', () => {
    const disabled: KeyEvent = {
      type: 'KeyDisabled',
      data: { key_id: 'k1', reason: 'suspicious', disabled_at: T },
    };
    const enabled: KeyEvent = { type: 'KeyEnabled', data: { key_id: 'k1', enabled_at: T } };
    expect(keyAfter(keyCreated('k1'), disabled, enabled)).toEqual({
      ...created,
      updated_at: occurredAt(3),
      stream_revision: 2,
    });
  });

  it('applies PreferenceUnbound after PreferenceBound', () => {
    const bound: KeyEvent = {
      type: 'PreferenceBound',
      data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null, bound_at: T },
    };
    const unbound: KeyEvent = {
      type: 'PreferenceUnbound',
      data: { key_id: 'k1', preference_id: 'p1', reason: 'preference_deleted', unbound_at: T },
    };
    expect(keyAfter(keyCreated('k1'), bound, unbound)).toEqual({
      ...created,
      updated_at: occurredAt(3),
      stream_revision: 2,
    });
  });

  it('applies KeyRoutingRulesCleared after KeyRoutingRulesSet', () => {
    const set: KeyEvent = {
      type: 'KeyRoutingRulesSet',
      data: { key_id: 'k1', ...rules, changed_at: T },
    };
    const cleared: KeyEvent = {
      type: 'KeyRoutingRulesCleared',
      data: { key_id: 'k1', cleared_at: T },
    };
    expect(keyAfter(keyCreated('k1'), set, cleared)).toEqual({
      ...created,
      updated_at: occurredAt(3),
      stream_revision: 2,
    });
  });

  it('forgets the previous hash of a rotation without a grace period', () => {
    const rotated: KeyEvent = {
      type: 'KeySecretRotated',
      data: {
        key_id: 'k1',
        hash: 'hash-2',
        label: 'rk_x',
        previous_hash: 'hash-k1',
        previous_valid_until: null,
        rotated_at: T,
      },
    };
    expect(keyAfter(keyCreated('k1'), rotated)).toMatchObject({
      hash: 'hash-2',
      previous_hash: null,
      previous_hash_valid_until: null,
    });
  });

  it('ignores events about a key it never saw created', () => {
    expect(
      keyAfter({
        type: 'KeyRenamed',
        data: { key_id: 'k1', name: 'x', previous_name: '', renamed_at: T },
      }),
    ).toBeUndefined();
  });

  it('follows only key events', () => {
    expect(
      keyProjection.documentIds(
        recordedEvent({ stream: 'key-k1', type: 'KeyUsageRecorded', data: { key_id: 'k1' } }),
      ),
    ).toEqual([]);
    expect(keyProjection.streamPrefixes).toEqual(['key-']);
  });
});
