import { KeyOwnership, LimitReset } from '@keyledger/domain';

/**
 * A key as the per-key reports read it: the SPEC §2 facts they show and decide on, all of them
 * single values a read store's index can carry, joined with the key's usage.
 */
export interface ReportedKey {
  readonly id: string;
  readonly name: string;
  readonly owner_user_id: string;
  readonly org_id: string | null;
  readonly disabled: boolean;
  readonly revoked: boolean;
  readonly limit: number | null;
  readonly limit_reset: LimitReset | null;
  /** All-time usage in credits. */
  readonly usage: number;
  /** Usage in the current UTC day, week and month. */
  readonly usage_daily: number;
  readonly usage_weekly: number;
  readonly usage_monthly: number;
  readonly expires_at: string | null;
  readonly last_used_at: string | null;
  readonly created_at: string;
}

/** A key with everything governance reads of it: what org key policies look at besides (SPEC §9). */
export interface GovernedKey extends ReportedKey {
  readonly scope: KeyOwnership;
  readonly revoked_at: string | null;
  readonly scopes: readonly string[];
  readonly allowed_ips: readonly string[];
  /** When the current secret was issued (creation or last rotation). */
  readonly secret_issued_at: string;
}

/** Where a key stands at a given time; revocation outranks expiry, which outranks disabling. */
export type KeyLifecycleState = 'active' | 'disabled' | 'expired' | 'revoked';

/** The key's state at `now`. */
export function keyState(key: ReportedKey, now: Date): KeyLifecycleState {
  if (key.revoked) return 'revoked';
  if (key.expires_at !== null && Date.parse(key.expires_at) <= now.getTime()) return 'expired';
  return key.disabled ? 'disabled' : 'active';
}

/**
 * Whether the key could still be used, now or after an admin re-enables it: risk reports look
 * only at these, since a revoked or expired key never authenticates again.
 */
export const isLive = (key: ReportedKey, now: Date): boolean => {
  const state = keyState(key, now);
  return state === 'active' || state === 'disabled';
};

/** The columns every per-key report row starts with. */
export interface KeyRow {
  readonly key_id: string;
  readonly name: string;
  readonly org_id: string | null;
  readonly owner_user_id: string;
  readonly state: KeyLifecycleState;
}

/**
 * A key's report row: the common columns, then the report's own `columns`. One literal with the
 * report's columns spread last: a row spread from the common one and then extended is an object
 * V8 builds ten times slower, and a report over 100k keys makes as many rows.
 */
export function keyRow(key: ReportedKey, now: Date): KeyRow;
export function keyRow<C extends object>(key: ReportedKey, now: Date, columns: C): KeyRow & C;
export function keyRow(key: ReportedKey, now: Date, columns?: object): KeyRow {
  return {
    key_id: key.id,
    name: key.name,
    org_id: key.org_id,
    owner_user_id: key.owner_user_id,
    state: keyState(key, now),
    ...columns,
  };
}
