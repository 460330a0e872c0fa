import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

/** Live keys without an expiry, which work until someone revokes them, in input order. */
export async function* keysNeverExpiring(
  keys: AsyncIterable<ReportedKey>,
  now: Date,
): AsyncGenerator<KeyRow> {
  for await (const key of keys)
    if (key.expires_at === null && isLive(key, now)) yield keyRow(key, now);
}
