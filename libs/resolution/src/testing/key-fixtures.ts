import { hashSecret, KeyCreated } from '@keyledger/domain';
import { PlanCatalogConfig } from '../plan-catalog';
import {
  resolutionSettings,
  ResolutionSettings,
  ResolutionSettingsInput,
} from '../resolution-settings';

/** A well-formed `rk_` secret, different for each `n`. */
export const secretOf = (n: number): string => `rk_${n.toString(16).padStart(64, '0')}`;

/** The stored hash of `secretOf(n)` (plain SHA-256, as the test settings have no pepper). */
export const hashOf = (n: number): string => hashSecret(secretOf(n), null);

/** Tiers for specs: `free` (the default) calls `*-free` models, 5 requests a minute; `max` anything. */
export const TEST_PLANS: PlanCatalogConfig = {
  default_tier: 'free',
  tiers: {
    free: { models: ['*-free'], requests_per_minute: 5 },
    max: { models: ['*'] },
  },
};

/** Settings for specs: no pepper, one credit held per request in flight. */
export const testSettings = (
  overrides: Partial<ResolutionSettingsInput> = {},
): ResolutionSettings =>
  resolutionSettings({ plans: TEST_PLANS, reservationCredits: 1, ...overrides });

/** A personal, unlimited `max` key of user u1 whose secret is `secretOf(n)`. */
export const keyCreated = (n: number, overrides: Partial<KeyCreated['data']> = {}): KeyCreated => ({
  type: 'KeyCreated',
  data: {
    key_id: `k${n}`,
    hash: hashOf(n),
    label: 'rk_0000…0000',
    name: `key ${n}`,
    scope: 'personal',
    owner_user_id: 'u1',
    org_id: null,
    org_permissions: [],
    scopes: ['completions', 'skills'],
    plan_tier: 'max',
    expires_at: null,
    limit: null,
    limit_reset: null,
    include_byok_in_limit: false,
    created_at: '2026-01-01T00:00:00.000Z',
    ...overrides,
  },
});
