import { hash } from 'node:crypto';
import { FieldErrors } from '../shared/validation';

/** The one hash an imported key may come with: the SHA-256 of its secret, in hex. */
export const IMPORT_HASH_ALGORITHMS = ['sha256'] as const;
/** One of IMPORT_HASH_ALGORITHMS. */
export type ImportHashAlgorithm = (typeof IMPORT_HASH_ALGORITHMS)[number];

/**
 * How a key's current hash was made: `native` is the deployment's own (HMAC-SHA-256 with
 * KEY_HASH_PEPPER, or SHA-256 without one); `sha256` is the plain SHA-256 an imported key came with.
 */
export type HashScheme = 'native' | ImportHashAlgorithm;

/** Most keys one import call may carry. */
export const MAX_IMPORTED_KEYS = 1000;
/** Longest prefix an imported secret may start with (OpenRouter's `sk-or-v1-` is 9). */
export const MAX_IMPORT_PREFIX = 32;
/** Longest import origin (`openrouter`, `unkey:ws_123`…). */
export const MAX_IMPORT_ORIGIN = 128;

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;
const IMPORT_PREFIX = /^[A-Za-z0-9_.-]*$/;

/** The hash in lowercase; records an error on `hash` unless it is 64 hex characters. */
export function checkImportedHash(errors: FieldErrors, value: unknown): string {
  if (typeof value === 'string' && SHA256_HEX.test(value)) return value.toLowerCase();
  errors.add('hash', "must be the SHA-256 of the key's secret as 64 hex characters");
  return '';
}

/** Records an error on `hash_algorithm` unless it is `sha256`. */
export function checkImportHashAlgorithm(errors: FieldErrors, value: unknown): ImportHashAlgorithm {
  if (!(IMPORT_HASH_ALGORITHMS as readonly unknown[]).includes(value)) {
    errors.add('hash_algorithm', `must be ${IMPORT_HASH_ALGORITHMS.join(' or ')}`);
  }
  return 'sha256';
}

/**
 * The prefix every secret of the imported key starts with (`sk-or-v1-`; may be empty): resolve
 * tries the SHA-256 of a presented secret only if it starts with one of the imported prefixes.
 */
export function checkImportPrefix(errors: FieldErrors, value: unknown): string {
  if (typeof value === 'string' && value.length <= MAX_IMPORT_PREFIX && IMPORT_PREFIX.test(value))
    return value;
  errors.add('prefix', `must be at most ${MAX_IMPORT_PREFIX} of A-Z a-z 0-9 _ . -`);
  return '';
}

/** The display label of an imported key: its prefix, as nothing else of its secret is known. */
export const importedLabel = (prefix: string): string => `${prefix}…`;

/**
 * The id of the key imported with this hash: derived from it (a UUID-shaped SHA-256 of a
 * namespaced hash), so that importing the same secret twice lands on one stream and the event
 * store's `no_stream` check makes the import idempotent, across instances too.
 */
export function importedKeyId(secretHash: string): string {
  const digest = hash('sha256', `keyledger:key-import:${secretHash}`, 'hex');
  const variant = ((parseInt(digest[16], 16) & 0x3) | 0x8).toString(16);
  return [
    digest.slice(0, 8),
    digest.slice(8, 12),
    `8${digest.slice(13, 16)}`,
    `${variant}${digest.slice(17, 20)}`,
    digest.slice(20, 32),
  ].join('-');
}
