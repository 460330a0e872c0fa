import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

/** Live keys that may spend without bound (`limit: null`), in input order. */
export async function* keysWithoutLimit(
  keys: AsyncIterable<ReportedKey>,
  now: Date,
): AsyncGenerator<KeyRow> {
  for await (const key of keys) if (key.limit === null && isLive(key, now)) yield keyRow(key, now);
}
