import { createHash } from 'node:crypto';

/** The UUID namespace of limit alert ids (a random v4, fixed forever). */
const NAMESPACE = '3f0b8f0e-5a4c-4d1e-9c27-6b1f0e8d2a51';

/** RFC 9562 UUIDv5 (SHA-1, name-based) of `name` in `namespace`. */
function uuidV5(namespace: string, name: string): string {
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replaceAll('-', ''), 'hex'))
    .update(name)
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The id of the alert for `threshold` of a key in one window: the same on every instance, so the
 * stores refuse a second one. A manual limit reset (`limitResetPosition`) starts a new window.
 */
export const limitAlertId = (
  keyId: string,
  threshold: number,
  windowEnd: string | null,
  limitResetPosition: number | null,
): string =>
  uuidV5(
    NAMESPACE,
    `${keyId}|${threshold}|${windowEnd ?? 'never'}|${limitResetPosition ?? 'none'}`,
  );
