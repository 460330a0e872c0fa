import { crc32 } from './crc32';

/**
 * How new secrets look: `plain` is the prefix and 64 lowercase hex characters (the default);
 * `checksummed` appends a CRC-32 of those 64 characters in 6 base62 characters, the way GitHub's
 * tokens carry one, so that a typo or a truncation is refused before any hash is computed.
 */
export const KEY_FORMATS = ['plain', 'checksummed'] as const;
/** One of KEY_FORMATS. */
export type KeyFormat = (typeof KEY_FORMATS)[number];

/** Length of the random part of every secret: 32 bytes as hex. */
export const SECRET_HEX_LENGTH = 64;
/** Base62 characters of a checksum: 62^6 > 2^32 holds every CRC-32. */
export const CHECKSUM_LENGTH = 6;

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The checksum of a secret's 64 hex characters: their CRC-32 in base62, zero-padded to 6. */
export function secretChecksum(hex: string): string {
  let value = crc32(hex);
  let digits = '';
  for (let i = 0; i < CHECKSUM_LENGTH; i++) {
    digits = BASE62[value % 62] + digits;
    value = Math.floor(value / 62);
  }
  return digits;
}

/**
 * Whether a value is the prefix, 64 characters and a checksum that matches them. Only the
 * checksum's CRC is computed: the hex characters need no check, a changed one fails the CRC.
 */
export function hasValidChecksum(value: string, prefix: string): boolean {
  const end = prefix.length + SECRET_HEX_LENGTH;
  return (
    value.length === end + CHECKSUM_LENGTH &&
    value.startsWith(prefix) &&
    secretChecksum(value.slice(prefix.length, end)) === value.slice(end)
  );
}

/**
 * The regular expression (source) that finds a deployment's secrets in text, for secret
 * scanners (GitHub's partner program, gitleaks, trufflehog). Under `checksummed` it also finds
 * the plain secrets issued before the switch; a scanner can check the checksum to drop look-alikes.
 */
export function secretPattern(prefix: string, format: KeyFormat): string {
  // Prefixes are A-Z a-z 0-9 _ - (isValidSecretPrefix): none of them needs escaping here.
  const checksum = format === 'checksummed' ? `(?:[0-9A-Za-z]{${CHECKSUM_LENGTH}})?` : '';
  return `\\b${prefix}[0-9a-f]{${SECRET_HEX_LENGTH}}${checksum}\\b`;
}
