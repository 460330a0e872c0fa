import { createHash, createHmac, createSecretKey, hash, timingSafeEqual } from 'node:crypto';
import { SecretGenerator } from '../shared/ports';
import { hasValidChecksum, KeyFormat, SECRET_HEX_LENGTH, secretChecksum } from './key-format';

const SECRET_BYTES = 32;
const SECRET_HEX = /^[0-9a-f]{64}$/;
const PREFIX_FORMAT = /^[A-Za-z0-9_-]{1,16}$/;

/** Whether a prefix is 1–16 of A–Z a–z 0–9 _ -: safe in headers, logs and secret scanners' patterns. */
export const isValidSecretPrefix = (prefix: string): boolean => PREFIX_FORMAT.test(prefix);

/** Throws unless the prefix is valid; meant for start-up configuration checks. */
export function assertValidSecretPrefix(prefix: string): void {
  if (!isValidSecretPrefix(prefix)) {
    throw new Error(`key prefix must be 1-16 of A-Z a-z 0-9 _ -, got ${JSON.stringify(prefix)}`);
  }
}

/**
 * A new secret: the prefix, then 256 random bits as 64 lowercase hex characters, then (format
 * `checksummed`) their checksum.
 */
export function generateSecret(
  prefix: string,
  random: SecretGenerator,
  format: KeyFormat = 'plain',
): string {
  assertValidSecretPrefix(prefix);
  const hex = random.randomHex(SECRET_BYTES);
  if (!SECRET_HEX.test(hex))
    throw new Error('secret generator must return 32 bytes as 64 lowercase hex characters');
  return format === 'checksummed' ? `${prefix}${hex}${secretChecksum(hex)}` : `${prefix}${hex}`;
}

/**
 * Whether a presented value has the shape of one of our secrets, in either format (a deployment
 * that switched to `checksummed` still holds plain secrets): a cheap check before hashing.
 */
export const looksLikeSecret = (value: string, prefix: string): boolean =>
  value.startsWith(prefix) &&
  SECRET_HEX.test(value.slice(prefix.length, prefix.length + SECRET_HEX_LENGTH)) &&
  (value.length === prefix.length + SECRET_HEX_LENGTH || hasValidChecksum(value, prefix));

/** Hashes a presented secret the way its key's hash was stored: see `secretHasher`. */
export type SecretHasher = (secret: string) => string;

/**
 * What is stored instead of a secret, as a function set up once for one pepper: HMAC-SHA-256
 * with the pepper (held as a KeyObject, so no call converts it again), or SHA-256 without one
 * (hex). Plain SHA-256 is one-shot (`crypto.hash`): no Hash object per gateway call.
 */
export function secretHasher(pepper: string | null): SecretHasher {
  if (pepper === '') throw new Error('an empty pepper adds nothing; pass null for plain SHA-256');
  if (pepper === null) return (secret) => hash('sha256', secret, 'hex');
  const key = createSecretKey(Buffer.from(pepper, 'utf8'));
  return (secret) => createHmac('sha256', key).update(secret).digest('hex');
}

/**
 * What is stored instead of the secret, for one call: `secretHasher`'s hash without setting up a
 * KeyObject (a per-request caller keeps a hasher instead).
 */
export function hashSecret(secret: string, pepper: string | null): string {
  if (pepper === '') throw new Error('an empty pepper adds nothing; pass null for plain SHA-256');
  return pepper === null
    ? hash('sha256', secret, 'hex')
    : createHmac('sha256', pepper).update(secret).digest('hex');
}

/** The display label: prefix, first and last four hex characters (`rk_0123…cdef`). */
export function secretLabel(secret: string, prefix: string): string {
  if (!looksLikeSecret(secret, prefix))
    throw new Error('only a well-formed secret can be labelled');
  const hex = secret.slice(prefix.length, prefix.length + SECRET_HEX_LENGTH);
  return `${prefix}${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

/**
 * Compares two secrets or hashes in constant time. Both sides are digested first, so the buffers
 * always have equal length and the timing does not even reveal a length mismatch.
 */
export function secretsEqual(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}
