import { isLive, KeyRow, keyRow, ReportedKey } from './governed-key';

/** Live keys that may spend without bound (`limit: null`), in input order. */
export function* keysWithoutLimit(keys: Iterable<ReportedKey>, now: Date): Generator<KeyRow> {
  for (const key of keys) if (key.limit === null && isLive(key, now)) yield keyRow(key, now);
}
