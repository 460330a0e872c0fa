import { createHash } from 'node:crypto';
import { canonicalJson } from '@keyledger/client';
import { ApiError } from '../../../shared/errors/api-error';

const MAX_LENGTH = 255;

/** The `Idempotency-Key` header: 1–255 printable ASCII characters, or null when absent. */
export function parseIdempotencyKey(header: string | undefined): string | null {
  if (header === undefined) return null;
  if (header.length <= MAX_LENGTH && /^[\x21-\x7e]+$/.test(header)) return header;
  throw new ApiError(
    400,
    'invalid_idempotency_key',
    `Idempotency-Key must be 1-${MAX_LENGTH} printable ASCII characters, such as a UUID.`,
    [{ field: 'Idempotency-Key', message: `must be 1-${MAX_LENGTH} printable ASCII characters` }],
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * The stream that records one user's use of one idempotency key. Keys are per user (two users
 * may pick the same one), and hashed so that a client's string never becomes a stream name.
 */
export const idempotencyStream = (userId: string, idempotencyKey: string): string =>
  `idempotency-${sha256(`${userId}\n${idempotencyKey}`)}`;

/**
 * What makes two requests "the same": their bodies, whatever the order of the fields at any
 * depth (the event store's canonical JSON, which also keeps nested fields).
 */
export const requestFingerprint = (body: object): string => sha256(canonicalJson(body));
