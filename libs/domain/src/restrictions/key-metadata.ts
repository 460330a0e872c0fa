import { FieldErrors } from '../shared/validation';

/** A scalar a metadata value may be. */
export type MetadataValue = string | number | boolean | null;
/** The customer's own labels on a key: a flat JSON object. */
export type KeyMetadata = Readonly<Record<string, MetadataValue>>;

/** Most keys one metadata object may hold. */
export const MAX_METADATA_KEYS = 50;
/** Largest metadata object, serialised as UTF-8 JSON. */
export const MAX_METADATA_BYTES = 4096;
const MAX_METADATA_KEY_LENGTH = 128;
/** Words under which people put credentials: metadata is shown to every reader of the key. */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'passphrase',
  'pwd',
  'secret',
  'token',
  'apikey',
  'credential',
  'credentials',
  'bearer',
  'auth',
  'authorization',
  'cookie',
  'privatekey',
  'accesskey',
  'secretkey',
]);
/** A keyledger-shaped secret (any prefix, 64 hex digits) pasted as a value. */
const SECRET_LOOKING_VALUE = /[0-9a-f]{64}/;

/**
 * The metadata as given; records errors on `metadata` unless it is an object of at most 50 keys
 * with string, number, boolean or null values, at most 4 KB as JSON, none of whose keys looks like
 * it names a secret (`password`, `api_key`, `token`, …) and none of whose values looks like one.
 */
export function checkMetadata(errors: FieldErrors, value: unknown): KeyMetadata {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    errors.add('metadata', 'must be a JSON object');
    return {};
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length > MAX_METADATA_KEYS) {
    errors.add('metadata', `must hold at most ${MAX_METADATA_KEYS} keys`);
  }
  for (const [key, entry] of entries) {
    const field = `metadata.${key}`;
    if (key.length === 0 || key.length > MAX_METADATA_KEY_LENGTH) {
      errors.add('metadata', `keys must be 1-${MAX_METADATA_KEY_LENGTH} characters`);
    } else if (namesASecret(key)) {
      errors.add(
        field,
        'looks like it names a secret; metadata is readable by everyone who sees the key',
      );
    }
    if (!isScalar(entry)) errors.add(field, 'must be a string, number, boolean or null');
    else if (typeof entry === 'string' && SECRET_LOOKING_VALUE.test(entry)) {
      errors.add(field, 'looks like a secret; metadata is readable by everyone who sees the key');
    }
  }
  if (Buffer.byteLength(JSON.stringify(value), 'utf8') > MAX_METADATA_BYTES) {
    errors.add('metadata', `must be at most ${MAX_METADATA_BYTES} bytes as JSON`);
  }
  return value as KeyMetadata;
}

/** `clientSecret`, `api_key`, `X-Auth-Token`: any word, or two words run together, that names a credential. */
function namesASecret(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
  return words.some(
    (word, i) => SECRET_WORDS.has(word) || SECRET_WORDS.has(word + (words[i + 1] ?? '')),
  );
}

const isScalar = (value: unknown): value is MetadataValue =>
  value === null ||
  typeof value === 'string' ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value));

/** Longest external id, in characters. */
export const MAX_EXTERNAL_ID = 256;

/** The trimmed external id or null (none); records an error on `external_id` unless it is 1–256 characters. */
export const checkExternalId = (errors: FieldErrors, value: unknown): string | null =>
  errors.optionalText('external_id', value, MAX_EXTERNAL_ID);
