import { given, KEY_CREATED_AT, keyCreated } from '../testing';
import { KeyEvent } from './key.events';
import { keyDecider } from './key.decider';

const t0 = KEY_CREATED_AT;
const now = '2026-11-24T08:00:00.000Z';
const created = keyCreated({ plan_tier: 'free', scopes: ['completions'] });
const key = (...events: KeyEvent[]) => given(keyDecider, [created, ...events]);
const limits = [{ name: 'requests', limit: 600, duration_ms: 60_000 }];

describe('key restrictions and identity', () => {
  it('given a key, when an allowlist is set, then KeyIpAllowlistSet holds it, with the reason', () => {
    key()
      .when({ type: 'SetKeyIpAllowlist', allowed_ips: ['203.0.113.0/24'], reason: 'egress', now })
      .then([
        {
          type: 'KeyIpAllowlistSet',
          data: {
            key_id: 'k1',
            allowed_ips: ['203.0.113.0/24'],
            reason: 'egress',
            changed_at: now,
          },
        },
      ]);
  });

  it('given an allowlist, when the same one is set, then nothing is written', () => {
    key({
      type: 'KeyIpAllowlistSet',
      data: { key_id: 'k1', allowed_ips: ['203.0.113.0/24'], reason: null, changed_at: t0 },
    })
      .when({ type: 'SetKeyIpAllowlist', allowed_ips: ['203.0.113.0/24'], now })
      .then([]);
  });

  it('when an allowlist entry is empty, then validation_failed names it', () => {
    key()
      .when({ type: 'SetKeyIpAllowlist', allowed_ips: ['10.0.0.0/8', ''], now })
      .thenFails('validation_failed', 'allowed_ips[1]');
  });

  it('given a key, when rate limits are set and then set again, then one KeyRateLimitsSet', () => {
    const set = { type: 'SetKeyRateLimits', rate_limits: limits, reason: null, now } as const;
    const event: KeyEvent = {
      type: 'KeyRateLimitsSet',
      data: { key_id: 'k1', rate_limits: limits, reason: null, changed_at: now },
    };
    key().when(set).then([event]);
    key(event).when(set).then([]);
    key()
      .when({ ...set, rate_limits: [{ name: 'x', limit: 0, duration_ms: 1 }] })
      .thenFails('validation_failed', 'rate_limits[0].limit');
  });

  it('given a key, when metadata is set, then KeyMetadataSet; secret-looking keys are refused', () => {
    key()
      .when({ type: 'SetKeyMetadata', metadata: { team: 'search' }, now })
      .then([
        {
          type: 'KeyMetadataSet',
          data: { key_id: 'k1', metadata: { team: 'search' }, reason: null, changed_at: now },
        },
      ]);
    key()
      .when({ type: 'SetKeyMetadata', metadata: { db_password: 'hunter2' }, now })
      .thenFails('validation_failed', 'metadata.db_password');
  });

  it('given an external id, when it is cleared, then KeyExternalIdSet with null', () => {
    key({
      type: 'KeyExternalIdSet',
      data: { key_id: 'k1', external_id: 'cus_1', reason: null, changed_at: t0 },
    })
      .when({ type: 'SetKeyExternalId', external_id: null, now })
      .then([
        {
          type: 'KeyExternalIdSet',
          data: { key_id: 'k1', external_id: null, reason: null, changed_at: now },
        },
      ]);
  });

  it('given a key created with restrictions, then its state holds them, and a rotation restarts its secret lifetime', () => {
    const restricted = keyCreated({
      ...created.data,
      allowed_ips: ['10.0.0.0/8'],
      rate_limits: limits,
      metadata: { a: 1 },
      external_id: 'cus_1',
    });
    const rotated: KeyEvent = {
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
    expect(given(keyDecider, [restricted, rotated]).state).toMatchObject({
      key: {
        allowed_ips: ['10.0.0.0/8'],
        rate_limits: limits,
        metadata: { a: 1 },
        external_id: 'cus_1',
        secret_issued_at: now,
      },
    });
  });

  it('when a create names restrictions, then KeyCreated carries the non-empty ones only', () => {
    const [event] = keyDecider.decide(
      {
        type: 'CreateKey',
        key_id: 'k1',
        hash: 'h1',
        label: 'l',
        name: 'ci',
        active_org_id: null,
        creator_orgs: [],
        owner_user_id: 'u1',
        plan_tier: null,
        allowed_ips: ['10.1.2.3/32'],
        rate_limits: [],
        metadata: {},
        external_id: 'cus_9',
        now: t0,
      },
      keyDecider.initialState,
    );
    expect(event.data).toMatchObject({ allowed_ips: ['10.1.2.3/32'], external_id: 'cus_9' });
    expect(event.data).not.toHaveProperty('rate_limits');
    expect(event.data).not.toHaveProperty('metadata');
  });
});
