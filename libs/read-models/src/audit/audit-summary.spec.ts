import { DefaultPreferenceEvent, KeyEvent, RoutingPreferenceEvent } from '@keyledger/domain';
import { recordedEvent } from '@keyledger/event-store/testing';
import { keyCreated, keyRenamed } from '../testing/key-events';
import { auditSummary } from './audit-summary';

const T = '2026-02-01T00:00:00.000Z';
const k = 'k1';
const rule = {
  pattern: 'x',
  target_mode: 'fast',
  target_engine: null,
  confidence: 0.9,
  description: null,
};
const org = { kind: 'org', org_id: 'org_1' } as const;

const summaryOf = (event: KeyEvent | RoutingPreferenceEvent | DefaultPreferenceEvent): string =>
  auditSummary(recordedEvent({ type: event.type, data: { ...event.data } }));

describe('auditSummary', () => {
  it.each<[KeyEvent | RoutingPreferenceEvent | DefaultPreferenceEvent, string]>([
    [
      keyCreated(k, {
        scope: 'org',
        org_id: 'org_1',
        name: 'CI',
        scopes: ['completions', 'billing'],
      }),
      'Created org key "CI" in org org_1 with scopes completions, billing',
    ],
    [keyCreated(k, { name: 'Laptop' }), 'Created personal key "Laptop" with scopes completions'],
    [keyRenamed(k, 'New', 'Old'), 'Renamed key "Old" to "New"'],
    [
      { type: 'KeyDisabled', data: { key_id: k, reason: 'leaked', disabled_at: T } },
      'Disabled key: leaked',
    ],
    [{ type: 'KeyDisabled', data: { key_id: k, reason: null, disabled_at: T } }, 'Disabled key'],
    [{ type: 'KeyEnabled', data: { key_id: k, enabled_at: T } }, 'Enabled key'],
    [
      {
        type: 'KeyLimitSet',
        data: {
          key_id: k,
          limit: 25,
          limit_reset: 'weekly',
          include_byok_in_limit: true,
          changed_at: T,
        },
      },
      'Set the key limit to 25 credits, reset weekly, BYOK usage included',
    ],
    [
      {
        type: 'KeyLimitSet',
        data: {
          key_id: k,
          limit: 2.5,
          limit_reset: null,
          include_byok_in_limit: false,
          changed_at: T,
        },
      },
      'Set the key limit to 2.5 credits',
    ],
    [
      {
        type: 'KeyLimitSet',
        data: {
          key_id: k,
          limit: null,
          limit_reset: null,
          include_byok_in_limit: false,
          changed_at: T,
        },
      },
      'Removed the key limit',
    ],
    [
      { type: 'KeyLimitReset', data: { key_id: k, reason: 'new quarter', reset_at: T } },
      "Reset the key's usage window: new quarter",
    ],
    [
      { type: 'KeyExpirySet', data: { key_id: k, expires_at: T, changed_at: T } },
      `Set the key to expire at ${T}`,
    ],
    [
      { type: 'KeyExpirySet', data: { key_id: k, expires_at: null, changed_at: T } },
      'Removed the key expiry',
    ],
    [
      {
        type: 'PreferenceBound',
        data: { key_id: k, preference_id: 'p1', previous_preference_id: null, bound_at: T },
      },
      'Bound routing preference p1',
    ],
    [
      {
        type: 'PreferenceUnbound',
        data: { key_id: k, preference_id: 'p1', reason: 'cleared', unbound_at: T },
      },
      'Unbound routing preference p1',
    ],
    [
      {
        type: 'PreferenceUnbound',
        data: { key_id: k, preference_id: 'p1', reason: 'preference_deleted', unbound_at: T },
      },
      'Unbound routing preference p1 (preference deleted)',
    ],
    [
      {
        type: 'KeyRoutingRulesSet',
        data: {
          key_id: k,
          rules: [rule],
          examples: [],
          confidence_floor_overrides: {},
          changed_at: T,
        },
      },
      'Set 1 key routing rule',
    ],
    [
      { type: 'KeyRoutingRulesCleared', data: { key_id: k, cleared_at: T } },
      'Cleared the key routing rules',
    ],
    [
      {
        type: 'KeySecretRotated',
        data: {
          key_id: k,
          hash: 'h2',
          label: 'l',
          previous_hash: 'h1',
          previous_valid_until: T,
          rotated_at: T,
        },
      },
      `Rotated the secret; the old one works until ${T}`,
    ],
    [
      {
        type: 'KeySecretRotated',
        data: {
          key_id: k,
          hash: 'h2',
          label: 'l',
          previous_hash: 'h1',
          previous_valid_until: null,
          rotated_at: T,
        },
      },
      'Rotated the secret; the old one stopped at once',
    ],
    [
      { type: 'KeyRevoked', data: { key_id: k, reason: 'offboarding', revoked_at: T } },
      'Revoked key: offboarding',
    ],
    [
      {
        type: 'RoutingPreferenceCreated',
        data: {
          preference_id: 'p1',
          name: 'Fast',
          description: null,
          scope: 'team',
          author_user_id: 'u1',
          org_id: 'org_1',
          rules: [rule, rule],
          examples: [],
          confidence_floor_overrides: {},
          enabled: true,
          created_at: T,
        },
      },
      'Created team routing preference "Fast" with 2 rules',
    ],
    [
      {
        type: 'RoutingPreferenceUpdated',
        data: { preference_id: 'p1', name: 'Faster', rules: [], updated_at: T },
      },
      'Updated routing preference: name, rules',
    ],
    [
      { type: 'RoutingPreferenceEnabled', data: { preference_id: 'p1', enabled_at: T } },
      'Enabled routing preference',
    ],
    [
      { type: 'RoutingPreferenceDisabled', data: { preference_id: 'p1', disabled_at: T } },
      'Disabled routing preference',
    ],
    [
      { type: 'RoutingPreferenceDeleted', data: { preference_id: 'p1', deleted_at: T } },
      'Deleted routing preference',
    ],
    [
      {
        type: 'DefaultPreferenceSet',
        data: { owner: org, preference_id: 'p1', previous_preference_id: null },
      },
      'Made routing preference p1 the default of org org_1',
    ],
    [
      {
        type: 'DefaultPreferenceCleared',
        data: { owner: { kind: 'user', user_id: 'u1' }, preference_id: 'p1' },
      },
      'Routing preference p1 is no longer the default of user u1',
    ],
  ])('summarises %j', (event, summary) => {
    expect(summaryOf(event)).toBe(summary);
  });

  it('names an event type it does not know', () => {
    expect(auditSummary(recordedEvent({ type: 'KeyUsageRecorded' }))).toBe('KeyUsageRecorded');
  });
});
