import { given, KEY_CREATED_AT, keyCreated } from '../testing';
import { RoutingRule, RoutingRules } from '../routing-preferences/routing-rule';
import { CreateKey, KeyCommand, SetKeyLimit } from './key.commands';
import { KeyCreated, KeyEvent } from './key.events';
import { keyDecider } from './key.decider';

const t0 = KEY_CREATED_AT;
const now = '2026-11-24T08:00:00.000Z';

const create = (overrides: Partial<CreateKey> = {}): CreateKey => ({
  type: 'CreateKey',
  key_id: 'k1',
  hash: 'h1',
  label: 'rk_0123…cdef',
  name: 'ci',
  active_org_id: 'org_1',
  creator_orgs: [
    { id: 'org_1', permissions: ['manageApiKeys'] },
    { id: 'org_2', permissions: [] },
  ],
  owner_user_id: 'u1',
  plan_tier: 'free',
  now: t0,
  ...overrides,
});
// The keys here are made on the free plan.
const created = (overrides: Partial<KeyCreated['data']> = {}): KeyCreated =>
  keyCreated({ plan_tier: 'free', ...overrides });
const noKey = () => given(keyDecider, []);
const key = (...events: KeyEvent[]) => given(keyDecider, [created(), ...events]);

const rule: RoutingRule = {
  pattern: '^select',
  target_mode: 'code',
  target_engine: null,
  confidence: 0.8,
  description: null,
};
const routing: RoutingRules = {
  rules: [rule],
  examples: [{ prompt: 'select 1', expected_mode: 'code' }],
  confidence_floor_overrides: { code: 0.6 },
};

const disabled: KeyEvent = {
  type: 'KeyDisabled',
  data: { key_id: 'k1', reason: null, disabled_at: t0 },
};
const bound: KeyEvent = {
  type: 'PreferenceBound',
  data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null, bound_at: t0 },
};
const rulesSet: KeyEvent = {
  type: 'KeyRoutingRulesSet',
  data: { key_id: 'k1', ...routing, changed_at: t0 },
};
const revoked: KeyEvent = {
  type: 'KeyRevoked',
  data: { key_id: 'k1', reason: null, revoked_at: t0 },
};

/** One of every command but creation: each must refuse a missing or revoked key. */
const everyChange: readonly KeyCommand[] = [
  { type: 'RenameKey', name: 'x', now },
  { type: 'DisableKey', now },
  { type: 'EnableKey', now },
  { type: 'SetKeyLimit', limit: 1, now },
  { type: 'ResetKeyLimit', reason: 'r', now },
  { type: 'SetKeyExpiry', expires_at: null, now },
  { type: 'BindPreference', preference_id: 'p1', now },
  { type: 'DetachDeletedPreference', preference_id: 'p1', now },
  { type: 'SetKeyRoutingRules', routing, now },
  { type: 'ClearKeyRoutingRules', now },
  { type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now },
  { type: 'RevokeKey', now },
];

describe('CreateKey: ownership', () => {
  it('makes a personal key when neither scope nor org is given, never attaching the active org', () => {
    noKey()
      .when(create({ active_org_id: 'org_1' }))
      .then([created()]);
  });

  it('makes a personal key for an explicit personal scope, ignoring the active org', () => {
    noKey()
      .when(create({ scope: 'personal', active_org_id: 'org_9' }))
      .then([created()]);
  });

  it('treats an explicit null org_id like an omitted one', () => {
    noKey()
      .when(create({ org_id: null }))
      .then([created()]);
  });

  it('refuses an org_id on a personal key', () => {
    noKey()
      .when(create({ scope: 'personal', org_id: 'org_1' }))
      .thenFails('validation_failed', 'org_id');
  });

  it('makes an org key in the named org when org_id is given without a scope', () => {
    noKey()
      .when(create({ org_id: 'org_2' }))
      .then([created({ scope: 'org', org_id: 'org_2' })]);
  });

  it('prefers the named org over the active org for an org key', () => {
    noKey()
      .when(create({ scope: 'org', org_id: 'org_2', active_org_id: 'org_1' }))
      .then([created({ scope: 'org', org_id: 'org_2' })]);
  });

  it('falls back to the active org for an org key without org_id', () => {
    noKey()
      .when(create({ scope: 'org' }))
      .then([created({ scope: 'org', org_id: 'org_1', org_permissions: ['manageApiKeys'] })]);
  });

  it("snapshots the creator's permissions in the key's org, and none for other orgs", () => {
    noKey()
      .when(create({ org_id: 'org_2' }))
      .then([created({ scope: 'org', org_id: 'org_2', org_permissions: [] })]);
    noKey()
      .when(create({ org_id: 'org_9' }))
      .then([created({ scope: 'org', org_id: 'org_9', org_permissions: [] })]);
  });

  it('refuses an org key with neither org_id nor an active org', () => {
    noKey()
      .when(create({ scope: 'org', active_org_id: null }))
      .thenFails('validation_failed', 'org_id');
  });

  it('refuses an unknown scope', () => {
    noKey()
      .when(create({ scope: 'team' as CreateKey['scope'] }))
      .thenFails('validation_failed', 'scope');
  });
});

describe('CreateKey: settings', () => {
  it('defaults to completions and skills, no limit, no BYOK, no expiry', () => {
    noKey()
      .when(create())
      .then([
        created({
          scopes: ['completions', 'skills'],
          limit: null,
          limit_reset: null,
          include_byok_in_limit: false,
          expires_at: null,
        }),
      ]);
  });

  it('records what is given, trimming the name and normalizing the expiry to UTC', () => {
    noKey()
      .when(
        create({
          name: '  deploy bot  ',
          scopes: ['billing', 'management'],
          limit: 12.5,
          limit_reset: 'weekly',
          include_byok_in_limit: true,
          expires_at: '2027-01-01T02:00:00+02:00',
        }),
      )
      .then([
        created({
          name: 'deploy bot',
          scopes: ['billing', 'management'],
          limit: 12.5,
          limit_reset: 'weekly',
          include_byok_in_limit: true,
          expires_at: '2027-01-01T00:00:00.000Z',
        }),
      ]);
  });

  it.each<[string, Partial<CreateKey>]>([
    ['name', { name: '   ' }],
    ['name', { name: 'x'.repeat(129) }],
    ['scopes', { scopes: [] }],
    ['scopes', { scopes: ['completions', 'root'] }],
    ['scopes', { scopes: ['skills', 'skills'] }],
    ['limit', { limit: -1 }],
    ['limit', { limit: 1e12 + 1 }],
    ['limit', { limit: Number.NaN }],
    ['limit', { limit: Number.POSITIVE_INFINITY }],
    ['limit_reset', { limit_reset: 'hourly' as CreateKey['limit_reset'] }],
    ['include_byok_in_limit', { include_byok_in_limit: 'yes' as unknown as boolean }],
    ['expires_at', { expires_at: 'tomorrow' }],
    ['expires_at', { expires_at: t0 }],
    ['expires_at', { expires_at: '2026-11-23T09:59:59.999Z' }],
  ])('refuses a bad %s: %j', (field, overrides) => {
    noKey().when(create(overrides)).thenFails('validation_failed', field);
  });

  it('names every bad field at once', () => {
    expect(() =>
      keyDecider.decide(create({ name: '', limit: -1, scopes: [] }), keyDecider.initialState),
    ).toThrow(
      expect.objectContaining({
        fields: [
          expect.objectContaining({ field: 'name' }),
          expect.objectContaining({ field: 'scopes' }),
          expect.objectContaining({ field: 'limit' }),
        ],
      }),
    );
  });

  it('refuses to create a key that exists, even a revoked one', () => {
    key().when(create()).thenFails('already_exists');
    key(revoked).when(create()).thenFails('already_exists');
  });
});

describe('every command on a missing or revoked key', () => {
  it.each(everyChange.map((command) => [command.type, command] as const))(
    '%s on a missing key is not_found',
    (_, command) => {
      noKey().when(command).thenFails('not_found');
    },
  );

  it.each(everyChange.map((command) => [command.type, command] as const))(
    '%s on a revoked key is key_revoked',
    (_, command) => {
      key(revoked).when(command).thenFails('key_revoked');
    },
  );
});

describe('RenameKey', () => {
  it('renames to the trimmed name, remembering the previous one', () => {
    key()
      .when({ type: 'RenameKey', name: ' prod ', now })
      .then([
        {
          type: 'KeyRenamed',
          data: { key_id: 'k1', name: 'prod', previous_name: 'ci', renamed_at: now },
        },
      ]);
  });

  it('does nothing for the same name, even padded', () => {
    key().when({ type: 'RenameKey', name: ' ci ', now }).then([]);
  });

  it('refuses a bad name', () => {
    key().when({ type: 'RenameKey', name: '', now }).thenFails('validation_failed', 'name');
  });
});

describe('DisableKey and EnableKey', () => {
  it('disables with an optional reason', () => {
    key()
      .when({ type: 'DisableKey', reason: ' leaked ', now })
      .then([{ type: 'KeyDisabled', data: { key_id: 'k1', reason: 'leaked', disabled_at: now } }]);
    key()
      .when({ type: 'DisableKey', now })
      .then([{ type: 'KeyDisabled', data: { key_id: 'k1', reason: null, disabled_at: now } }]);
  });

  it('does nothing when disabling a disabled key', () => {
    key(disabled).when({ type: 'DisableKey', reason: 'again', now }).then([]);
  });

  it('refuses a reason over 500 characters', () => {
    key()
      .when({ type: 'DisableKey', reason: 'r'.repeat(501), now })
      .thenFails('validation_failed', 'reason');
  });

  it('enables a disabled key, and does nothing for an enabled one', () => {
    key(disabled)
      .when({ type: 'EnableKey', now })
      .then([{ type: 'KeyEnabled', data: { key_id: 'k1', enabled_at: now } }]);
    key().when({ type: 'EnableKey', now }).then([]);
  });
});

describe('SetKeyLimit', () => {
  const limitSet: KeyEvent = {
    type: 'KeyLimitSet',
    data: {
      key_id: 'k1',
      limit: 10,
      limit_reset: 'daily',
      include_byok_in_limit: false,
      changed_at: t0,
    },
  };
  const after = (
    limit: number | null,
    limit_reset: 'daily' | null,
    include_byok_in_limit: boolean,
  ): KeyEvent => ({
    type: 'KeyLimitSet',
    data: { key_id: 'k1', limit, limit_reset, include_byok_in_limit, changed_at: now },
  });

  it('sets the named fields, recording all three', () => {
    key()
      .when({ type: 'SetKeyLimit', limit: 10, limit_reset: 'daily', now })
      .then([after(10, 'daily', false)]);
  });

  it('keeps the fields that are left out', () => {
    key(limitSet)
      .when({ type: 'SetKeyLimit', include_byok_in_limit: true, now })
      .then([after(10, 'daily', true)]);
    key(limitSet)
      .when({ type: 'SetKeyLimit', limit: 0.25, now })
      .then([after(0.25, 'daily', false)]);
  });

  it('makes a key unlimited or never-resetting with explicit nulls', () => {
    key(limitSet)
      .when({ type: 'SetKeyLimit', limit: null, limit_reset: null, now })
      .then([after(null, null, false)]);
  });

  it('does nothing when nothing changes', () => {
    key(limitSet).when({ type: 'SetKeyLimit', limit: 10, limit_reset: 'daily', now }).then([]);
    key().when({ type: 'SetKeyLimit', now }).then([]);
  });

  it.each<[string, Partial<SetKeyLimit>]>([
    ['limit', { limit: -5 }],
    ['limit', { limit: Number.NaN }],
    ['limit_reset', { limit_reset: 'yearly' as 'daily' }],
    ['include_byok_in_limit', { include_byok_in_limit: 1 as unknown as boolean }],
  ])('refuses a bad %s: %j', (field, overrides) => {
    key()
      .when({ type: 'SetKeyLimit', now, ...overrides })
      .thenFails('validation_failed', field);
  });
});

describe('ResetKeyLimit', () => {
  it('records the trimmed reason and when', () => {
    key()
      .when({ type: 'ResetKeyLimit', reason: ' monthly review ', now })
      .then([
        { type: 'KeyLimitReset', data: { key_id: 'k1', reason: 'monthly review', reset_at: now } },
      ]);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['over 500 characters', 'r'.repeat(501)],
  ])('refuses a reason that is %s', (_, reason) => {
    key().when({ type: 'ResetKeyLimit', reason, now }).thenFails('validation_failed', 'reason');
  });
});

describe('SetKeyExpiry', () => {
  const expiring: KeyEvent = {
    type: 'KeyExpirySet',
    data: { key_id: 'k1', expires_at: '2027-01-01T00:00:00.000Z', changed_at: t0 },
  };

  it('sets a future expiry, normalized to UTC', () => {
    key()
      .when({ type: 'SetKeyExpiry', expires_at: '2027-01-01', now })
      .then([
        {
          type: 'KeyExpirySet',
          data: { key_id: 'k1', expires_at: '2027-01-01T00:00:00.000Z', changed_at: now },
        },
      ]);
  });

  it('clears the expiry with null', () => {
    key(expiring)
      .when({ type: 'SetKeyExpiry', expires_at: null, now })
      .then([{ type: 'KeyExpirySet', data: { key_id: 'k1', expires_at: null, changed_at: now } }]);
  });

  it('does nothing for the same instant or for clearing no expiry', () => {
    key(expiring)
      .when({ type: 'SetKeyExpiry', expires_at: '2027-01-01T01:00:00+01:00', now })
      .then([]);
    key().when({ type: 'SetKeyExpiry', expires_at: null, now }).then([]);
  });

  it.each([
    ['now', now],
    ['the past', '2026-01-01T00:00:00Z'],
    ['not a timestamp', 'soon'],
  ])('refuses %s', (_, expires_at) => {
    key()
      .when({ type: 'SetKeyExpiry', expires_at, now })
      .thenFails('validation_failed', 'expires_at');
  });
});

describe('BindPreference and DetachDeletedPreference', () => {
  it('binds a preference to an unbound key', () => {
    key()
      .when({ type: 'BindPreference', preference_id: 'p1', now })
      .then([
        {
          type: 'PreferenceBound',
          data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null, bound_at: now },
        },
      ]);
  });

  it('rebinds, naming the previous preference', () => {
    key(bound)
      .when({ type: 'BindPreference', preference_id: 'p2', now })
      .then([
        {
          type: 'PreferenceBound',
          data: { key_id: 'k1', preference_id: 'p2', previous_preference_id: 'p1', bound_at: now },
        },
      ]);
  });

  it('does nothing when binding the same preference again', () => {
    key(bound).when({ type: 'BindPreference', preference_id: 'p1', now }).then([]);
  });

  it('unbinds with null, as cleared', () => {
    key(bound)
      .when({ type: 'BindPreference', preference_id: null, now })
      .then([
        {
          type: 'PreferenceUnbound',
          data: { key_id: 'k1', preference_id: 'p1', reason: 'cleared', unbound_at: now },
        },
      ]);
  });

  it('does nothing when clearing an unbound key', () => {
    key().when({ type: 'BindPreference', preference_id: null, now }).then([]);
  });

  it('detaches a deleted preference the key is bound to', () => {
    key(bound)
      .when({ type: 'DetachDeletedPreference', preference_id: 'p1', now })
      .then([
        {
          type: 'PreferenceUnbound',
          data: {
            key_id: 'k1',
            preference_id: 'p1',
            reason: 'preference_deleted',
            unbound_at: now,
          },
        },
      ]);
  });

  it("does nothing when the deleted preference is not the key's binding", () => {
    key(bound).when({ type: 'DetachDeletedPreference', preference_id: 'p9', now }).then([]);
    key().when({ type: 'DetachDeletedPreference', preference_id: 'p1', now }).then([]);
  });
});

describe('SetKeyRoutingRules and ClearKeyRoutingRules', () => {
  it('sets validated rules, clamping confidence and trimming names', () => {
    const input: RoutingRules = {
      ...routing,
      rules: [{ ...rule, target_mode: ' code ', confidence: 3 }],
    };
    key()
      .when({ type: 'SetKeyRoutingRules', routing: input, now })
      .then([
        {
          type: 'KeyRoutingRulesSet',
          data: {
            key_id: 'k1',
            ...routing,
            rules: [{ ...rule, confidence: 0.99 }],
            changed_at: now,
          },
        },
      ]);
  });

  it('does nothing when the rules are the same', () => {
    key(rulesSet).when({ type: 'SetKeyRoutingRules', routing, now }).then([]);
  });

  it('refuses invalid rules, naming the field path', () => {
    const bad: RoutingRules = { ...routing, rules: [rule, { ...rule, pattern: '(' }] };
    key()
      .when({ type: 'SetKeyRoutingRules', routing: bad, now })
      .thenFails('validation_failed', 'rules[1].pattern');
  });

  it('clears rules that are set, and does nothing when there are none', () => {
    key(rulesSet)
      .when({ type: 'ClearKeyRoutingRules', now })
      .then([{ type: 'KeyRoutingRulesCleared', data: { key_id: 'k1', cleared_at: now } }]);
    key().when({ type: 'ClearKeyRoutingRules', now }).then([]);
  });
});

describe('RotateKey', () => {
  const rotated = (previous_valid_until: string | null): KeyEvent => ({
    type: 'KeySecretRotated',
    data: {
      key_id: 'k1',
      hash: 'h2',
      label: 'l2',
      previous_hash: 'h1',
      previous_valid_until,
      rotated_at: now,
    },
  });

  it('ends the old secret at once with no grace period', () => {
    key()
      .when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now })
      .then([rotated(null)]);
  });

  it('keeps the old secret for the grace period, up to a week', () => {
    key()
      .when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 3600, now })
      .then([rotated('2026-11-24T09:00:00.000Z')]);
    key()
      .when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 604_800, now })
      .then([rotated('2026-12-01T08:00:00.000Z')]);
  });

  it.each([-1, 604_801, 2.5])('refuses a grace period of %p', (grace_period_seconds) => {
    key()
      .when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds, now })
      .thenFails('validation_failed', 'grace_period_seconds');
  });

  it('rotates from the newest secret after an earlier rotation', () => {
    key(rotated(null))
      .when({ type: 'RotateKey', hash: 'h3', label: 'l3', grace_period_seconds: 0, now })
      .then([
        {
          type: 'KeySecretRotated',
          data: {
            key_id: 'k1',
            hash: 'h3',
            label: 'l3',
            previous_hash: 'h2',
            previous_valid_until: null,
            rotated_at: now,
          },
        },
      ]);
  });

  it('rotates a disabled key, which is how a leak is handled', () => {
    key(disabled)
      .when({ type: 'RotateKey', hash: 'h2', label: 'l2', grace_period_seconds: 0, now })
      .then([rotated(null)]);
  });
});

describe('RevokeKey', () => {
  it('revokes with an optional reason', () => {
    key()
      .when({ type: 'RevokeKey', reason: 'offboarding', now })
      .then([
        { type: 'KeyRevoked', data: { key_id: 'k1', reason: 'offboarding', revoked_at: now } },
      ]);
    key(disabled)
      .when({ type: 'RevokeKey', now })
      .then([{ type: 'KeyRevoked', data: { key_id: 'k1', reason: null, revoked_at: now } }]);
  });

  it('refuses a reason over 500 characters', () => {
    key()
      .when({ type: 'RevokeKey', reason: 'r'.repeat(501), now })
      .thenFails('validation_failed', 'reason');
  });
});

describe('key state', () => {
  it('starts absent', () => {
    expect(noKey().state).toEqual({ status: 'absent' });
  });

  it('holds everything folded from the stream', () => {
    const at = (hour: number) => `2026-11-24T${String(hour).padStart(2, '0')}:00:00.000Z`;
    const history: KeyEvent[] = [
      {
        type: 'KeyRenamed',
        data: { key_id: 'k1', name: 'prod', previous_name: 'ci', renamed_at: at(1) },
      },
      { type: 'KeyDisabled', data: { key_id: 'k1', reason: 'leak', disabled_at: at(2) } },
      {
        type: 'KeyLimitSet',
        data: {
          key_id: 'k1',
          limit: 5,
          limit_reset: 'monthly',
          include_byok_in_limit: true,
          changed_at: at(3),
        },
      },
      { type: 'KeyLimitReset', data: { key_id: 'k1', reason: 'r', reset_at: at(4) } },
      {
        type: 'KeyExpirySet',
        data: { key_id: 'k1', expires_at: '2027-01-01T00:00:00.000Z', changed_at: at(5) },
      },
      {
        type: 'PreferenceBound',
        data: { key_id: 'k1', preference_id: 'p1', previous_preference_id: null, bound_at: at(6) },
      },
      { type: 'KeyRoutingRulesSet', data: { key_id: 'k1', ...routing, changed_at: at(7) } },
      {
        type: 'KeySecretRotated',
        data: {
          key_id: 'k1',
          hash: 'h2',
          label: 'l2',
          previous_hash: 'h1',
          previous_valid_until: at(9),
          rotated_at: at(8),
        },
      },
    ];
    expect(key(...history).state).toEqual({
      status: 'active',
      key: {
        id: 'k1',
        hash: 'h2',
        label: 'l2',
        previous_hash: 'h1',
        previous_valid_until: at(9),
        name: 'prod',
        scope: 'personal',
        owner_user_id: 'u1',
        org_id: null,
        org_permissions: [],
        scopes: ['completions', 'skills'],
        plan_tier: 'free',
        disabled: true,
        disabled_reason: 'leak',
        limit: 5,
        limit_reset: 'monthly',
        include_byok_in_limit: true,
        last_limit_reset_at: at(4),
        expires_at: '2027-01-01T00:00:00.000Z',
        routing_preference_id: 'p1',
        routing_rules: routing,
        allowed_ips: [],
        rate_limits: [],
        alert_thresholds: [],
        metadata: {},
        external_id: null,
        created_at: t0,
        secret_issued_at: at(8),
        updated_at: at(8),
        revoked_at: null,
        revoke_reason: null,
      },
    });
  });

  it('undoes what enable, unbind and clear undo', () => {
    const state = key(
      disabled,
      bound,
      rulesSet,
      { type: 'KeyEnabled', data: { key_id: 'k1', enabled_at: now } },
      {
        type: 'PreferenceUnbound',
        data: { key_id: 'k1', preference_id: 'p1', reason: 'cleared', unbound_at: now },
      },
      { type: 'KeyRoutingRulesCleared', data: { key_id: 'k1', cleared_at: now } },
    ).state;
    expect(state).toMatchObject({
      status: 'active',
      key: {
        disabled: false,
        disabled_reason: null,
        routing_preference_id: null,
        routing_rules: null,
        updated_at: now,
      },
    });
  });

  it('keeps no previous hash when a rotation had no grace period', () => {
    const rotation: KeyEvent = {
      type: 'KeySecretRotated',
      data: {
        key_id: 'k1',
        hash: 'h2',
        label: 'l2',
        previous_hash: 'h1',
        previous_valid_until: null,
        rotated_at: now,
      },
    };
    expect(key(rotation).state).toMatchObject({
      key: { hash: 'h2', previous_hash: null, previous_valid_until: null },
    });
  });

  it('is revoked, with time and reason, after KeyRevoked', () => {
    const revocation: KeyEvent = {
      type: 'KeyRevoked',
      data: { key_id: 'k1', reason: 'gone', revoked_at: now },
    };
    expect(key(revocation).state).toMatchObject({
      status: 'revoked',
      key: { revoked_at: now, revoke_reason: 'gone', updated_at: now },
    });
  });

  it('skips event types it does not know, such as those of later versions', () => {
    const unknown = {
      type: 'KeyUsageRecorded',
      data: { key_id: 'k1', cost: 1 },
    } as unknown as KeyEvent;
    expect(key(unknown).state).toEqual(key().state);
  });
});
