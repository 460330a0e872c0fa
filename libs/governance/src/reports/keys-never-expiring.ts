import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

/** Live keys without an expiry, which work until someone revokes them, in input order. */
export function* keysNeverExpiring(keys: Iterable<ReportedKey>, now: Date): Generator<KeyRow> {
  for (const key of keys) if (key.expires_at === null && isLive(key, now)) yield keyRow(key, now);
}
