import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { SecretGenerator } from '../shared/ports';

const SECRET_HEX_LENGTH = 64;
const PREFIX_FORMAT = /^[A-Za-z0-9_-]{1,16}$/;

/** Refuses prefixes that could make secrets ambiguous or unsafe in headers. */
export function assertValidPrefix(prefix: string): void {
  if (!PREFIX_FORMAT.test(prefix)) throw new Error(`key prefix must be 1-16 of A-Z a-z 0-9 _ -, got ${JSON.stringify(prefix)}`);
}

/** A new secret: the prefix, then 256 random bits as 64 lowercase hex characters. */
export function generateSecret(prefix: string, random: SecretGenerator): string {
  assertValidPrefix(prefix);
  const hex = random.randomHex(SECRET_HEX_LENGTH / 2);
  if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('secret generator must return 64 lowercase hex characters');
  return `${prefix}${hex}`;
}

/** Whether a presented value has the shape of one of our secrets (cheap pre-check). */
export function looksLikeSecret(value: string, prefix: string): boolean {
  return value.length === prefix.length + SECRET_HEX_LENGTH && value.startsWith(prefix) && /^[0-9a-f]+$/.test(value.slice(prefix.length));
}

/** What is stored instead of the secret: HMAC-SHA-256 with the pepper, or SHA-256 without one. */
export function hashSecret(secret: string, pepper: string | null): string {
  return pepper === null
    ? createHash('sha256').update(secret).digest('hex')
    : createHmac('sha256', pepper).update(secret).digest('hex');
}

/** The display label: prefix, first and last four hex characters (`rk_0123…cdef`). */
export function secretLabel(secret: string, prefix: string): string {
  const hex = secret.slice(prefix.length);
  return `${prefix}${hex.slice(0, 4)}…${hex.slice(-4)}`;
}

/** Compares two hashes in constant time, so timing reveals nothing about a near match. */
export function hashesEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
