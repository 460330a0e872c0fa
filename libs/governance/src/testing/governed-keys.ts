import { GovernedKey, keyState } from '../reports/governed-key';
import { KeyGrouping, KeyStateTally } from '../reports/key-state-counts';

/** The time the known keys are reported at. */
export const NOW = new Date('2026-06-30T12:00:00.000Z');

const governedKey = (id: string, changes: Partial<GovernedKey>): GovernedKey => ({
  id,
  name: `Key ${id}`,
  scope: 'org',
  owner_user_id: 'alice',
  org_id: 'org_1',
  disabled: false,
  revoked: false,
  limit: null,
  limit_reset: null,
  usage: 0,
  usage_daily: 0,
  usage_weekly: 0,
  usage_monthly: 0,
  expires_at: null,
  last_used_at: '2026-06-29T08:00:00.000Z',
  revoked_at: null,
  created_at: '2026-01-01T00:00:00.000Z',
  scopes: ['completions'],
  allowed_ips: [],
  secret_issued_at: '2026-01-01T00:00:00.000Z',
  ...changes,
});

/** A known set of keys, one per situation the reports look for. */
export const KNOWN_KEYS: readonly GovernedKey[] = [
  // Active org key, unlimited, never expiring, used yesterday.
  governedKey('unlimited', {}),
  // Disabled, 85 of 100 monthly credits, idle for 90 days.
  governedKey('disabled', {
    owner_user_id: 'bob',
    disabled: true,
    limit: 100,
    limit_reset: 'monthly',
    usage: 400,
    usage_monthly: 85,
    expires_at: '2026-12-31T00:00:00.000Z',
    last_used_at: '2026-04-01T12:00:00.000Z',
  }),
  // Revoked: counted, never a risk.
  governedKey('revoked', {
    revoked: true,
    revoked_at: '2026-06-01T00:00:00.000Z',
    last_used_at: null,
  }),
  // Expired in another org: counted, never a risk.
  governedKey('expired', {
    owner_user_id: 'bob',
    org_id: 'org_2',
    expires_at: '2026-06-01T00:00:00.000Z',
    last_used_at: null,
  }),
  // Personal, 12 of 10 daily credits, created yesterday and never used.
  governedKey('over', {
    scope: 'personal',
    org_id: null,
    limit: 10,
    limit_reset: 'daily',
    usage: 12,
    usage_daily: 12,
    expires_at: '2027-01-01T00:00:00.000Z',
    last_used_at: null,
    created_at: '2026-06-29T12:00:00.000Z',
  }),
  // Personal, 10 of 50 lifetime credits, never used since January, never expiring.
  governedKey('stale', {
    scope: 'personal',
    owner_user_id: 'carol',
    org_id: null,
    limit: 50,
    usage: 10,
    last_used_at: null,
  }),
];

/** The tallies a read store counts for these keys at `now`: one per key, as `keyState` classifies it. */
export const talliesOf = (
  keys: readonly GovernedKey[],
  by: KeyGrouping,
  now: Date,
): KeyStateTally[] => keys.map((key) => ({ group: key[by], state: keyState(key, now), count: 1 }));
