import { createHmac, timingSafeEqual } from 'node:crypto';

/** The header carrying the timestamp and the signature of a delivery. */
export const SIGNATURE_HEADER = 'x-keyledger-signature';

const SCHEME = 'v1';

const sign = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA-256 of "t.body">`. The timestamp is signed with the body,
 * so a captured delivery cannot be replayed later with a fresh time.
 */
export const signatureHeader = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},${SCHEME}=${sign(secret, timestamp, body)}`;

/**
 * For receivers: whether `header` signs this exact body with `secret` and its timestamp is within
 * `toleranceSeconds` of `now`. Several `v1=` entries are accepted, any of which may match.
 */
export function verifySignature(
  secret: string,
  header: string,
  body: string,
  toleranceSeconds: number,
  now: Date = new Date(),
): boolean {
  const entries = header.split(',').map((part) => part.trim().split('='));
  const timestamps = entries.filter(([name]) => name === 't').map(([, value]) => Number(value));
  if (timestamps.length !== 1 || !Number.isSafeInteger(timestamps[0])) return false;
  const timestamp = timestamps[0];
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(sign(secret, timestamp, body), 'hex');
  return entries
    .filter(([name, value]) => name === SCHEME && value !== undefined)
    .some(([, value]) => {
      const given = Buffer.from(value, 'hex');
      // timingSafeEqual throws on unequal lengths; a length says nothing about the secret.
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
}
