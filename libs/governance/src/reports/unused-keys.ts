import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

const DAY_MS = 86_400_000;

/** A key nobody has used for a while; `last_used_at` null means never used. */
export interface UnusedKeyRow extends KeyRow {
  readonly last_used_at: string | null;
  /** Whole days since the last use, or since creation for a key never used. */
  readonly idle_days: number;
}

/**
 * Live keys not used for at least `days` days, in input order. A key never used counts from its
 * creation, so a key made yesterday is not reported as stale.
 */
export function* keysUnusedFor(
  keys: Iterable<ReportedKey>,
  days: number,
  now: Date,
): Generator<UnusedKeyRow> {
  for (const key of keys) {
    const since = Date.parse(key.last_used_at ?? key.created_at);
    const idle_days = Math.floor((now.getTime() - since) / DAY_MS);
    if (idle_days >= days && isLive(key, now)) {
      yield keyRow(key, now, { last_used_at: key.last_used_at, idle_days });
    }
  }
}
